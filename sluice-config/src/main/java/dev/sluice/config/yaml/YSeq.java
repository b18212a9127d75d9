package dev.sluice.config.yaml;

import dev.sluice.model.SourcePos;
import java.util.List;

/** A YAML sequence. */
public record YSeq(List<YNode> items, SourcePos pos) implements YNode {

    public YSeq {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public YNode get(int index) {
        return items.get(index);
    }

    @Override
    public String typeName() {
        return "array";
    }
}
