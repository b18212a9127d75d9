package dev.sluice.config.keywords;

import dev.sluice.config.model.Parallel;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code parallel}: a count {@code 1..200}, or {@code {matrix: [{VAR: value | [values]}, ...]}} whose
 * entries each expand to a cartesian product, at most 200 jobs in all. Variables keep their written order.
 */
public final class ParallelKeyword {

    static final int LIMIT = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private ParallelKeyword() {
    }

    public static Optional<Parallel> read(YNode node, At at) {
        if (node instanceof YScalar s && s.isInteger()) {
            return at.integerIn(node, 1, LIMIT).map(n -> new Parallel(n, List.of()));
        }
        if (!(node instanceof YMap map)) {
            at.error(node, "invalid-type", at.path() + " config should be an integer or a hash, found " + node.typeName());
            return Optional.empty();
        }
        boolean ok = at.onlyKeys(map, List.of("matrix"));
        if (!at.requireKey(map, "matrix")) {
            return Optional.empty();
        }
        YNode matrixNode = map.get("matrix").orElseThrow();
        At here = at.child("matrix");
        Optional<List<Map<String, List<String>>>> matrix = matrix(matrixNode, here);
        if (matrix.isEmpty() || !ok) {
            return Optional.empty();
        }
        long jobs = matrix.get().stream()
                .mapToLong(entry -> entry.values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b))
                .sum();
        if (jobs > LIMIT) {
            here.error(matrixNode, "out-of-range", here.path() + " config generates too many jobs (maximum is " + LIMIT + ")");
            return Optional.empty();
        }
        return Optional.of(new Parallel((int) jobs, matrix.get()));
    }

    /**
     * An array of hashes {@code VAR: value | [values]} (values strings or integers, as text); also read
     * by {@code needs:parallel:matrix}.
     */
    static Optional<List<Map<String, List<String>>>> matrix(YNode node, At at) {
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "an array of hashes");
            return Optional.empty();
        }
        List<Map<String, List<String>>> out = new ArrayList<>();
        boolean ok = true;
        for (YNode item : seq.items()) {
            Optional<Map<String, List<String>>> entry = entry(item, at);
            entry.ifPresent(out::add);
            ok &= entry.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<Map<String, List<String>>> entry(YNode node, At at) {
        if (!(node instanceof YMap map)) {
            at.error(node, "invalid-type", at.path() + " config should be an array of hashes, found an item of type "
                    + node.typeName());
            return Optional.empty();
        }
        if (map.isEmpty()) {
            at.error(node, "invalid-value", at.path() + " config requires at least 1 variable in each entry");
            return Optional.empty();
        }
        Map<String, List<String>> vars = new LinkedHashMap<>();
        boolean ok = true;
        for (YMap.Entry e : map.entries()) {
            if (!NAME.matcher(e.key()).matches()) {
                at.diagnostics().warning(e.keyPos(), at.path(), "invalid-name", "variable name '" + e.key()
                        + "' should contain only letters, digits and '_'");
            }
            List<YNode> items = e.value() instanceof YSeq values ? values.items() : List.of(e.value());
            List<String> values = new ArrayList<>();
            for (YNode v : items) {
                if (v instanceof YScalar s && (s.isString() || s.isInteger())) {
                    values.add(s.value());
                } else {
                    at.error(v, "invalid-type", at.path() + " config should be a hash of key value pairs, value can be"
                            + " an array; '" + e.key() + "' has a value of type " + v.typeName());
                    ok = false;
                }
            }
            vars.put(e.key(), values);
        }
        return ok ? Optional.of(vars) : Optional.empty();
    }
}
