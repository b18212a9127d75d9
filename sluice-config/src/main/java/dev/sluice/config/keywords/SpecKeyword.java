package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.List;
import java.util.Set;

/**
 * {@code spec:} of a configuration or component header: {@code inputs} with their type, default,
 * description, options and regex. A default must have the input's type (string when omitted).
 */
public final class SpecKeyword {

    private static final Set<String> SPEC_KEYS = Set.of("inputs", "component", "include");
    private static final Set<String> INPUT_KEYS = Set.of("type", "default", "description", "options", "regex", "rules");
    private static final List<String> TYPES = List.of("string", "number", "boolean", "array");

    private SpecKeyword() {
    }

    public static void read(YNode node, At at) {
        at.map(node).ifPresent(spec -> {
            at.onlyKeys(spec, SPEC_KEYS);
            spec.get("inputs").ifPresent(inputs -> readInputs(inputs, at.child("inputs")));
        });
    }

    private static void readInputs(YNode node, At at) {
        if (node.isNull()) {
            return;
        }
        at.map(node).ifPresent(inputs -> {
            for (YMap.Entry entry : inputs.entries()) {
                At input = at.child(entry.key());
                if (!entry.key().matches("[A-Za-z0-9_-]+")) {
                    input.error(entry.value(), "invalid-name", "input name '" + entry.key()
                            + "' may only contain letters, digits, '-' and '_'");
                }
                if (entry.value().isNull()) {
                    continue;
                }
                input.map(entry.value()).ifPresent(definition -> readInput(definition, input));
            }
        });
    }

    private static void readInput(YMap definition, At at) {
        at.onlyKeys(definition, INPUT_KEYS);
        String type = definition.get("type").flatMap(t -> at.child("type").oneOf(t, TYPES)).orElse("string");
        definition.get("description").ifPresent(d -> at.child("description").string(d));
        definition.get("regex").ifPresent(r -> at.child("regex").string(r));
        definition.get("default").filter(d -> !d.isNull()).ifPresent(d -> {
            if (!hasType(d, type)) {
                at.child("default").error(d, "input-type", at.path() + ":default should be a " + type
                        + " value, found " + d.typeName());
            }
        });
        definition.get("options").ifPresent(o -> {
            if (!(o instanceof YSeq seq) || seq.size() > 50) {
                at.child("options").error(o, "invalid-type", at.path() + ":options config should be an array of at most 50 values");
            }
        });
    }

    private static boolean hasType(YNode value, String type) {
        return switch (type) {
            case "number" -> value instanceof YScalar s && (s.isInteger() || s.kind() == YScalar.Kind.FLOAT);
            case "boolean" -> value instanceof YScalar s && s.isBoolean();
            case "array" -> value instanceof YSeq;
            default -> value instanceof YScalar s && s.isString();
        };
    }
}
