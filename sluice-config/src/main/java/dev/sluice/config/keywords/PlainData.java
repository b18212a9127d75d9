package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YReference;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value as plain Java data for keywords Sluice keeps but does not interpret: maps keep their
 * order, integers are {@code Long} (or {@code BigInteger}), floats {@code Double}, YAML null {@code null}.
 */
final class PlainData {

    private PlainData() {
    }

    static Object of(YNode node) {
        return switch (node) {
            case YMap map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.entries().forEach(e -> out.put(e.key(), of(e.value())));
                yield Collections.unmodifiableMap(out);
            }
            case YSeq seq -> {
                List<Object> out = new ArrayList<>();
                seq.items().forEach(i -> out.add(of(i)));
                yield Collections.unmodifiableList(out);
            }
            case YScalar s -> scalar(s);
            case YReference r -> r.toString();
        };
    }

    private static Object scalar(YScalar s) {
        return switch (s.kind()) {
            case STRING -> s.value();
            case BOOLEAN -> s.asBoolean();
            case NULL -> null;
            case FLOAT -> parseDouble(s.value());
            case INTEGER -> {
                BigInteger n = new BigInteger(s.value());
                yield n.bitLength() < 64 ? (Object) n.longValue() : n;
            }
        };
    }

    private static Object parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text; // .inf, .nan spelled the YAML way
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(YMap map) {
        return (Map<String, Object>) of(map);
    }
}
