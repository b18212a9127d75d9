package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.List;
import java.util.Set;

/**
 * {@code spec:} of a configuration or component header: {@code inputs} (type, default, description,
 * options, regex, rules), {@code include} (local, remote, project), {@code component} and
 * {@code description}. A default must have the input's type (string when the type is omitted).
 */
public final class SpecKeyword {

    private static final Set<String> SPEC_KEYS = Set.of("inputs", "component", "include", "description");
    private static final Set<String> INPUT_KEYS = Set.of("type", "default", "description", "options", "regex", "rules");
    private static final Set<String> INPUT_RULE_KEYS = Set.of("if", "options", "default");
    private static final Set<String> INCLUDE_KEYS = Set.of("local", "remote", "project", "file", "ref", "rules", "integrity");
    private static final List<String> COMPONENT_FIELDS = List.of("name", "sha", "version", "reference");
    private static final List<String> TYPES = List.of("string", "number", "boolean", "array");

    private SpecKeyword() {
    }

    public static void read(YNode node, At at) {
        at.map(node).ifPresent(spec -> {
            at.onlyKeys(spec, SPEC_KEYS);
            spec.get("inputs").ifPresent(inputs -> readInputs(inputs, at.child("inputs")));
            spec.get("description").ifPresent(d -> at.child("description").string(d).filter(t -> t.length() > 256)
                    .ifPresent(t -> at.child("description").error(d, "too-long", at.path()
                            + ":description is too long (maximum is 256 characters)")));
            spec.get("component").ifPresent(c -> at.child("component").strings(c).ifPresent(fields -> fields.stream()
                    .filter(f -> !COMPONENT_FIELDS.contains(f))
                    .forEach(f -> at.child("component").error(c, "invalid-value", at.path()
                            + ":component may only list " + String.join(", ", COMPONENT_FIELDS) + ", found '" + f + "'"))));
            spec.get("include").ifPresent(i -> readIncludes(i, at.child("include")));
        });
    }

    private static void readIncludes(YNode node, At at) {
        List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
        for (YNode item : items) {
            if (item instanceof YScalar s && s.isString()) {
                continue;
            }
            at.map(item).ifPresent(entry -> at.onlyKeys(entry, INCLUDE_KEYS));
        }
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
                if (!entry.value().isNull()) {
                    input.map(entry.value()).ifPresent(definition -> readInput(definition, input));
                }
            }
        });
    }

    private static void readInput(YMap definition, At at) {
        at.onlyKeys(definition, INPUT_KEYS);
        String type = definition.get("type").flatMap(t -> at.child("type").oneOf(t, TYPES)).orElse("string");
        definition.get("description").ifPresent(d -> at.child("description").string(d));
        definition.get("regex").ifPresent(r -> at.child("regex").string(r));
        definition.get("default").filter(d -> !d.isNull()).ifPresent(d -> checkType(d, type, at.child("default")));
        definition.get("options").ifPresent(o -> checkOptions(o, at.child("options")));
        definition.get("rules").ifPresent(r -> {
            for (String clash : List.of("default", "options")) {
                if (definition.has(clash)) {
                    at.error(definition.get(clash).orElseThrow(), "input-rules", at.path()
                            + " cannot combine `rules` with a top-level `" + clash + "`");
                }
            }
            readInputRules(r, type, at.child("rules"));
        });
    }

    private static void readInputRules(YNode node, String type, At at) {
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "an array of rules");
            return;
        }
        for (YNode item : seq.items()) {
            at.map(item).ifPresent(rule -> {
                at.onlyKeys(rule, INPUT_RULE_KEYS);
                if (!rule.has("default")) {
                    at.error(rule, "missing-key", at.path() + " config: every rule must define a `default`");
                }
                rule.get("if").ifPresent(i -> at.child("if").string(i));
                rule.get("options").ifPresent(o -> checkOptions(o, at.child("options")));
                rule.get("default").filter(d -> !d.isNull()).ifPresent(d -> checkType(d, type, at.child("default")));
            });
        }
    }

    private static void checkOptions(YNode node, At at) {
        if (!(node instanceof YSeq seq) || seq.size() > 50) {
            at.error(node, "invalid-type", at.path() + " config should be an array of at most 50 values");
        }
    }

    private static void checkType(YNode value, String type, At at) {
        boolean ok = switch (type) {
            case "number" -> value instanceof YScalar s && (s.isInteger() || s.kind() == YScalar.Kind.FLOAT);
            case "boolean" -> value instanceof YScalar s && s.isBoolean();
            case "array" -> value instanceof YSeq;
            default -> value instanceof YScalar s && s.isString();
        };
        if (!ok) {
            at.error(value, "input-type", at.path() + " should be a " + type + " value, found " + value.typeName());
        }
    }
}
