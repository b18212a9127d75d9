package dev.sluice.cli;

import dev.sluice.config.Diagnostics;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YReference;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import dev.sluice.config.yaml.YamlLimits;
import dev.sluice.config.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML tree without positions, so trees read from different texts compare by value: maps keep key
 * order (as a list of entries), scalars keep their kind.
 */
final class PlainTree {

    record Scalar(YScalar.Kind kind, String value) {
    }

    record Reference(List<String> path) {
    }

    private PlainTree() {
    }

    static Object of(YNode node) {
        return switch (node) {
            case YMap map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                for (YMap.Entry e : map.entries()) {
                    entries.put(e.key(), of(e.value()));
                }
                yield new ArrayList<>(entries.entrySet());
            }
            case YSeq seq -> seq.items().stream().map(PlainTree::of).toList();
            case YScalar scalar -> new Scalar(scalar.kind(), scalar.value());
            case YReference reference -> new Reference(reference.path());
        };
    }

    /** Loads YAML text with the project's loader, failing on any diagnostic. */
    static YNode load(String text) {
        var diagnostics = new Diagnostics();
        var loaded = new YamlLoader(YamlLimits.DEFAULT).load("printed.yml", text, diagnostics);
        if (diagnostics.size() > 0) {
            throw new AssertionError("printed YAML does not load cleanly: " + diagnostics.all() + "\n" + text);
        }
        return loaded.body().orElseThrow(() -> new AssertionError("printed YAML has no document:\n" + text));
    }
}
