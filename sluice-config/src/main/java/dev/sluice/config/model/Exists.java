package dev.sluice.config.model;

import java.util.List;
import java.util.Optional;

/** {@code rules:exists}: glob paths checked against the repository at the pipeline's commit. */
public record Exists(List<String> paths, Optional<String> project, Optional<String> ref) {

    public Exists {
        paths = List.copyOf(paths);
    }
}
