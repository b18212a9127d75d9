package dev.sluice.config.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code when} keyword's values, spelled as in YAML. */
public enum When {
    ON_SUCCESS, ON_FAILURE, ALWAYS, MANUAL, DELAYED, NEVER;

    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<When> fromYaml(String text) {
        return Arrays.stream(values()).filter(w -> w.yaml().equals(text)).findFirst();
    }

    public static List<String> names(When... allowed) {
        return Arrays.stream(allowed).map(When::yaml).toList();
    }
}
