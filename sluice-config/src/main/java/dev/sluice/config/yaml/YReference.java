package dev.sluice.config.yaml;

import dev.sluice.model.SourcePos;
import java.util.List;

/** An unresolved {@code !reference [.job, key, ...]} tag; the compiler replaces it by the value it names. */
public record YReference(List<String> path, SourcePos pos) implements YNode {

    public YReference {
        path = List.copyOf(path);
    }

    @Override
    public String typeName() {
        return "reference";
    }

    @Override
    public String toString() {
        return "!reference [" + String.join(", ", path) + "]";
    }
}
