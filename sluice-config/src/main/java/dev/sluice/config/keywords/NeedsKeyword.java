package dev.sluice.config.keywords;

import dev.sluice.config.model.Need;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code needs}: job names and {@code {job, artifacts, optional, parallel}} hashes, cross-pipeline
 * ({@code pipeline}) and cross-project ({@code project} + {@code ref}) needs, or the hash
 * {@code {pipeline: other/project}}. The 50-needs limit is the caller's, as it is configurable.
 */
public final class NeedsKeyword {

    static final int MAX_NAME = 128;
    private static final List<String> KEYS = List.of("job", "artifacts", "optional", "pipeline", "project", "ref", "parallel");
    private static final List<String> RULE_KEYS = List.of("job", "artifacts", "optional");

    private NeedsKeyword() {
    }

    /** {@code needs: []} is an empty list (start at once); empty when the value is invalid. */
    public static Optional<List<Need>> read(YNode node, At at) {
        return read(node, at, false);
    }

    /** {@code rules:needs}, which takes only job names and {@code {job, artifacts, optional}}. */
    static Optional<List<Need>> readInRule(YNode node, At at) {
        return read(node, at, true);
    }

    private static Optional<List<Need>> read(YNode node, At at, boolean inRule) {
        if (node instanceof YMap map && !inRule) {
            return pipelineStatus(map, at);
        }
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, inRule ? "an array" : "an array or a hash");
            return Optional.empty();
        }
        At needAt = at.child("need");
        List<Need> needs = new ArrayList<>();
        boolean ok = true;
        for (YNode item : flattened(seq)) {
            Optional<Need> need = item instanceof YScalar s && s.isString()
                    ? Optional.of(Need.of(s.value(), s.pos()))
                    : item instanceof YMap map ? hash(map, needAt, inRule) : unsupported(item, needAt);
            Optional<Need> kept = need.filter(n -> nameFits(n, item, at));
            kept.ifPresent(needs::add);
            ok &= kept.isPresent();
        }
        ok &= noDuplicates(needs, at);
        return ok ? Optional.of(needs) : Optional.empty();
    }

    /** A list spliced in by {@code !reference} (e.g. {@code needs: [a, !reference [.x, needs]]}) is flattened, one level. */
    private static List<YNode> flattened(YSeq seq) {
        List<YNode> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            if (item instanceof YSeq inner) {
                out.addAll(inner.items());
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /** {@code needs: {pipeline: other/project}}: mirror that project's pipeline status. */
    private static Optional<List<Need>> pipelineStatus(YMap map, At at) {
        if (!at.onlyKeys(map, List.of("pipeline")) || !at.requireKey(map, "pipeline")) {
            return Optional.empty();
        }
        return map.get("pipeline").flatMap(at.child("pipeline")::string).map(p -> List.of(new Need("", true, false,
                Optional.of(p), Optional.empty(), Optional.empty(), List.of(), map.pos())));
    }

    private static Optional<Need> unsupported(YNode item, At at) {
        at.error(item, "invalid-type", at.path() + " has an unsupported type: " + item.typeName());
        return Optional.empty();
    }

    private static Optional<Need> hash(YMap map, At at, boolean inRule) {
        boolean ok = at.onlyKeys(map, inRule ? RULE_KEYS : KEYS) & at.requireKey(map, "job");
        Optional<String> job = map.get("job").flatMap(at.child("job")::string);
        if (job.isPresent() && job.get().isEmpty()) {
            at.error(map.get("job").orElseThrow(), "blank", at.path() + ":job can't be blank");
            ok = false;
        }
        boolean artifacts = map.get("artifacts").flatMap(at.child("artifacts")::bool).orElse(true);
        boolean optional = map.get("optional").flatMap(at.child("optional")::bool).orElse(false);
        Optional<String> pipeline = map.get("pipeline").flatMap(at.child("pipeline")::string);
        Optional<String> project = map.get("project").flatMap(at.child("project")::string);
        Optional<String> ref = map.get("ref").flatMap(at.child("ref")::string);
        if (map.has("pipeline") && map.has("project")) {
            at.error(map, "invalid-combination", at.path() + " config may use 'pipeline' or 'project', not both");
            ok = false;
        }
        if (map.has("project") && !map.has("ref")) {
            at.error(map, "missing-key", at.path() + " config missing required key 'ref' (needed with 'project')");
            ok = false;
        }
        if (map.has("ref") && !map.has("project")) {
            at.error(map, "invalid-combination", at.path() + " config uses 'ref' without 'project'");
            ok = false;
        }
        Optional<List<Map<String, List<String>>>> matrix = map.get("parallel")
                .map(n -> parallelMatrix(n, at.child("parallel"))).orElse(Optional.of(List.of()));
        if (!ok || job.isEmpty() || matrix.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Need(job.get(), artifacts, optional, pipeline, project, ref, matrix.get(), map.pos()));
    }

    /** {@code parallel: {matrix: [{VAR: value | [values]}, ...]}}, values as text in written order. */
    private static Optional<List<Map<String, List<String>>>> parallelMatrix(YNode node, At at) {
        Optional<YMap> map = at.map(node);
        if (map.isEmpty() || !at.onlyKeys(map.get(), List.of("matrix")) || !at.requireKey(map.get(), "matrix")) {
            return Optional.empty();
        }
        At matrixAt = at.child("matrix");
        YNode matrix = map.get().get("matrix").orElseThrow();
        if (!(matrix instanceof YSeq seq)) {
            matrixAt.wrongType(matrix, "an array of hashes");
            return Optional.empty();
        }
        List<Map<String, List<String>>> out = new ArrayList<>();
        boolean ok = true;
        for (YNode item : seq.items()) {
            Optional<YMap> combo = matrixAt.map(item);
            if (combo.isEmpty()) {
                ok = false;
                continue;
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (YMap.Entry e : combo.get().entries()) {
                At varAt = matrixAt.child(e.key());
                Optional<List<String>> v = e.value() instanceof YSeq ? varAt.strings(e.value())
                        : varAt.alphanumeric(e.value()).map(List::of);
                v.ifPresent(list -> values.put(e.key(), list));
                ok &= v.isPresent();
            }
            out.add(values);
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static boolean nameFits(Need need, YNode item, At at) {
        if (need.job().length() <= MAX_NAME) {
            return true;
        }
        at.error(item, "name-too-long", at.path() + " need `" + need.job() + "` name is too long (maximum is "
                + MAX_NAME + " characters)");
        return false;
    }

    private static boolean noDuplicates(List<Need> needs, At at) {
        Set<Object> seen = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        Need first = null;
        for (Need need : needs.stream().filter(Need::isLocal).toList()) {
            if (!seen.add(List.of(need.job(), need.matrix())) && duplicated.add(need.job()) && first == null) {
                first = need;
            }
        }
        if (first != null) {
            at.diagnostics().error(first.pos(), at.path(), "duplicate-need", jobName(at.path())
                    + " has the following needs duplicated: " + String.join(", ", duplicated));
        }
        return first == null;
    }

    /** The job a {@code needs} path belongs to: {@code jobs:build:needs} and {@code jobs:build:rules:rule:needs} → build. */
    static String jobName(String path) {
        String p = path.startsWith("jobs:") ? path.substring("jobs:".length()) : path;
        int rules = p.lastIndexOf(":rules:");
        if (rules >= 0) {
            return p.substring(0, rules);
        }
        return p.endsWith(":needs") ? p.substring(0, p.length() - ":needs".length()) : p;
    }
}
