package dev.sluice.config;

import dev.sluice.config.model.Need;
import dev.sluice.config.model.ParallelInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $[[ matrix.NAME ]]} in {@code needs:parallel:matrix} (gitlab-org/gitlab#423553): each instance
 * of a matrix job needs the producer instance with its own values, e.g. {@code PROVIDER: $[[ matrix.PROVIDER ]]}.
 */
final class MatrixExpressions {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\[\\[\\s*matrix\\.([A-Za-z0-9_-]+)\\s*]]");

    private MatrixExpressions() {
    }

    static boolean used(List<Need> needs) {
        return needs.stream().anyMatch(MatrixExpressions::used);
    }

    static boolean used(Need need) {
        return need.matrix().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
                .anyMatch(v -> EXPRESSION.matcher(v).find());
    }

    /** The needs with this instance's values filled in; unknown names and non-matrix jobs are reported. */
    static List<Need> substitute(List<Need> needs, Optional<ParallelInstance> instance, String job, Diagnostics diagnostics) {
        List<Need> out = new ArrayList<>();
        for (Need need : needs) {
            List<Map<String, List<String>>> matrix = new ArrayList<>();
            for (Map<String, List<String>> selector : need.matrix()) {
                Map<String, List<String>> filled = new LinkedHashMap<>();
                selector.forEach((name, values) -> filled.put(name,
                        values.stream().map(v -> fill(v, need, instance, job, diagnostics)).toList()));
                matrix.add(filled);
            }
            out.add(new Need(need.job(), need.artifacts(), need.optional(), need.pipeline(), need.project(), need.ref(),
                    matrix, need.pos()));
        }
        return out;
    }

    private static String fill(String value, Need need, Optional<ParallelInstance> instance, String job, Diagnostics diagnostics) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Map<String, String> values = instance.map(ParallelInstance::matrixValues).orElse(Map.of());
            String replacement = values.get(m.group(1));
            if (instance.isEmpty() || instance.get().matrixValues().isEmpty()) {
                diagnostics.error(need.pos(), "jobs:" + job + ":needs", "matrix-expression", job + " job: "
                        + m.group() + " can only be used in a job with parallel:matrix");
            } else if (replacement == null) {
                diagnostics.error(need.pos(), "jobs:" + job + ":needs", "matrix-expression", job + " job: unknown matrix "
                        + "identifier '" + m.group(1) + "' in " + m.group() + DidYouMean.hint(m.group(1), values.keySet()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
