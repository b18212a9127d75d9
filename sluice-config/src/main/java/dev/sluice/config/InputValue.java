package dev.sluice.config;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import dev.sluice.model.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An input's value as plain data, and its two renderings: a YAML node (whole-value use) and text (inside a string). */
record InputValue(Object value) {

    /** The type name {@code spec:inputs:type} uses for this value. */
    String type() {
        return switch (value) {
            case String s -> "string";
            case Boolean b -> "boolean";
            case Number n -> "number";
            case List<?> l -> "array";
            case null -> "null";
            default -> "hash";
        };
    }

    static InputValue of(YNode node) {
        return new InputValue(plain(node));
    }

    private static Object plain(YNode node) {
        return switch (node) {
            case YScalar s -> switch (s.kind()) {
                case STRING -> s.value();
                case BOOLEAN -> s.asBoolean();
                case INTEGER -> Long.valueOf(s.value());
                case FLOAT -> Double.valueOf(s.value());
                case NULL -> null;
            };
            case YSeq seq -> seq.items().stream().map(InputValue::plain).toList();
            case YMap map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.entries().forEach(e -> out.put(e.key(), plain(e.value())));
                yield out;
            }
            default -> node.toString();
        };
    }

    YNode node(SourcePos pos) {
        return node(value, pos);
    }

    private static YNode node(Object value, SourcePos pos) {
        return switch (value) {
            case null -> YScalar.nullAt(pos);
            case String s -> YScalar.string(s, pos);
            case Boolean b -> new YScalar(b.toString(), YScalar.Kind.BOOLEAN, pos);
            case Long l -> new YScalar(l.toString(), YScalar.Kind.INTEGER, pos);
            case Integer i -> new YScalar(i.toString(), YScalar.Kind.INTEGER, pos);
            case Number n -> new YScalar(n.toString(), YScalar.Kind.FLOAT, pos);
            case List<?> list -> {
                List<YNode> items = new ArrayList<>();
                list.forEach(item -> items.add(node(item, pos)));
                yield new YSeq(items, pos);
            }
            case Map<?, ?> map -> {
                Map<String, YMap.Entry> entries = new LinkedHashMap<>();
                map.forEach((k, v) -> entries.put(k.toString(), new YMap.Entry(k.toString(), pos, node(v, pos))));
                yield new YMap(entries, pos);
            }
            default -> YScalar.string(value.toString(), pos);
        };
    }

    /** As text inside a longer string: scalars as written, arrays and hashes as JSON (as GitLab does). */
    String text() {
        return text(value, false);
    }

    private static String text(Object value, boolean nested) {
        return switch (value) {
            case null -> nested ? "null" : "";
            case String s -> nested ? json(s) : s;
            case List<?> list -> list.stream().map(v -> text(v, true)).collect(Collectors.joining(",", "[", "]"));
            case Map<?, ?> map -> map.entrySet().stream().map(e -> json(e.getKey().toString()) + ":" + text(e.getValue(), true))
                    .collect(Collectors.joining(",", "{", "}"));
            default -> value.toString();
        };
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
