package dev.sluice.protocol;

import java.util.List;

/** One entry of {@code cache}: the key is final; the runner stores the archive itself, not the coordinator. */
public record Cache(String key, Boolean untracked, String policy, List<String> paths, String when,
                    List<String> fallbackKeys) {
}
