package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.List;

/**
 * Job {@code inputs}: {@code NAME: {type, description, options, regex, default}}. Unlike
 * {@code spec:inputs}, a job input must have a {@code default}, of its {@code type} (string when omitted).
 */
final class JobInputsKeyword {

    private static final List<String> TYPES = List.of("array", "boolean", "number", "string");
    private static final int MAX_DESCRIPTION = 1024;

    private JobInputsKeyword() {
    }

    static void check(YNode node, At at) {
        at.map(node).ifPresent(m -> m.entries().forEach(e -> input(e.value(), at.child(e.key()))));
    }

    private static void input(YNode node, At at) {
        at.map(node).ifPresent(m -> {
            at.onlyKeys(m, List.of("type", "description", "options", "regex", "default"));
            String type = m.get("type").flatMap(t -> at.child("type").oneOf(t, TYPES)).orElse("string");
            m.get("description").ifPresent(d -> at.child("description").string(d)
                    .filter(s -> s.length() > MAX_DESCRIPTION).ifPresent(s -> at.error(d, "too-long",
                            at.path() + ":description is longer than " + MAX_DESCRIPTION + " characters")));
            m.get("regex").ifPresent(r -> at.child("regex").string(r));
            m.get("options").ifPresent(o -> {
                if (!(o instanceof YSeq seq)) {
                    at.child("options").wrongType(o, "an array");
                } else {
                    seq.items().forEach(i -> {
                        if (!(i instanceof YScalar s) || s.isNull()) {
                            at.child("options").wrongType(i, "an array of strings, numbers or booleans");
                        }
                    });
                }
            });
            if (at.requireKey(m, "default")) {
                YNode value = m.get("default").orElseThrow();
                if (!ofType(value, type)) {
                    at.error(value, "invalid-type", at.path() + ":default should be of type " + type + ", found "
                            + value.typeName());
                }
            }
        });
    }

    private static boolean ofType(YNode value, String type) {
        return switch (type) {
            case "array" -> value instanceof YSeq;
            case "boolean" -> value instanceof YScalar s && s.isBoolean();
            case "number" -> value instanceof YScalar s && (s.isInteger() || s.kind() == YScalar.Kind.FLOAT);
            default -> value instanceof YScalar s && s.isString();
        };
    }
}
