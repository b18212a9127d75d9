package dev.sluice.config.model;

import java.util.List;
import java.util.Optional;

/** {@code rules:changes} / {@code only:changes}: glob paths, optionally compared to another ref. */
public record Changes(List<String> paths, Optional<String> compareTo) {

    public Changes {
        paths = List.copyOf(paths);
    }
}
