package dev.sluice.config.model;

import java.util.List;
import java.util.Optional;

/** {@code image}: a name, or the object form. {@code pullPolicy} is empty when the runner decides. */
public record Image(String name, Optional<List<String>> entrypoint, List<String> pullPolicy,
                    Optional<String> user, Optional<String> platform) {

    public Image {
        pullPolicy = List.copyOf(pullPolicy);
    }

    public static Image named(String name) {
        return new Image(name, Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }
}
