package dev.sluice.config;

import dev.sluice.config.model.Parallel;
import dev.sluice.config.model.ParallelInstance;
import dev.sluice.model.SourcePos;
import dev.sluice.config.model.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code parallel} into GitLab's job names: {@code name 1/3} for a count, and
 * {@code name: [v1, v2]} for a matrix (values only, in written order; each entry is a cartesian
 * product, entries are concatenated; a later duplicate name replaces the earlier one).
 */
final class ParallelExpansion {

    /** One job to create: its name, its node index/total, the matrix values as variables. */
    record Instance(String name, ParallelInstance instance, List<Variable> variables) {
    }

    private ParallelExpansion() {
    }

    static List<Instance> expand(String base, Parallel parallel, SourcePos pos) {
        if (parallel.matrix().isEmpty()) {
            List<Instance> out = new ArrayList<>();
            for (int i = 1; i <= parallel.count(); i++) {
                out.add(new Instance(base + " " + i + "/" + parallel.count(),
                        new ParallelInstance(base, i, parallel.count(), Map.of()), List.of()));
            }
            return out;
        }
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        for (Map<String, List<String>> entry : parallel.matrix()) {
            for (Map<String, String> combination : product(entry)) {
                String name = base + ": [" + String.join(", ", combination.values()) + "]";
                byName.remove(name);
                byName.put(name, combination);
            }
        }
        List<Instance> out = new ArrayList<>();
        int index = 1;
        for (var e : byName.entrySet()) {
            List<Variable> vars = e.getValue().entrySet().stream()
                    .map(v -> Variable.of(v.getKey(), v.getValue(), pos)).toList();
            out.add(new Instance(e.getKey(), new ParallelInstance(base, index++, byName.size(), e.getValue()), vars));
        }
        return out;
    }

    /** Every combination of the entry's values, first variable varying slowest. */
    static List<Map<String, String>> product(Map<String, List<String>> entry) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (var variable : entry.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combo : combos) {
                for (String value : variable.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(combo);
                    extended.put(variable.getKey(), value);
                    next.add(extended);
                }
            }
            combos = next;
        }
        return combos;
    }
}
