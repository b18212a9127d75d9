package dev.sluice.config.model;

import java.util.List;
import java.util.Optional;

/**
 * One cache of a job. The key is either a string ({@code key}, default {@code default}) or computed
 * from files ({@code keyFiles}, with {@code keyPrefix}). {@code policy} is pull-push, pull, push or a
 * variable; {@code when} is on_success, on_failure or always.
 */
public record Cache(Optional<String> key, List<String> keyFiles, Optional<String> keyPrefix, List<String> paths,
                    boolean untracked, boolean unprotect, String when, String policy, List<String> fallbackKeys) {

    public Cache {
        keyFiles = List.copyOf(keyFiles);
        paths = List.copyOf(paths);
        fallbackKeys = List.copyOf(fallbackKeys);
    }
}
