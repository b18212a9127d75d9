package dev.sluice.config.model;

import dev.sluice.model.SourcePos;
import java.util.List;
import java.util.Optional;

/**
 * A YAML variable. {@code expand: false} marks the value raw (no {@code $VAR} expansion);
 * {@code description} and {@code options} only exist at the top level, to prefill manual pipelines.
 */
public record Variable(String name, String value, boolean expand, Optional<String> description,
                       List<String> options, SourcePos pos) {

    public Variable {
        options = List.copyOf(options);
    }

    public static Variable of(String name, String value, SourcePos pos) {
        return new Variable(name, value, true, Optional.empty(), List.of(), pos);
    }
}
