package dev.sluice.config.keywords;

import dev.sluice.config.model.Trigger;
import dev.sluice.config.model.Trigger.TriggerInclude;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code trigger}: a multi-project pipeline ({@code group/project}, or {@code {project, branch, ...}})
 * or a child pipeline ({@code {include: ...}}, at most 3 files). {@code project} and {@code include}
 * exclude each other.
 */
public final class TriggerKeyword {

    static final int MAX_INCLUDES = 3;
    private static final Pattern REMOTE = Pattern.compile("^https?://.+\\.ya?ml$");
    private static final List<String> KINDS = List.of("local", "template", "artifact", "project", "component", "remote");

    private TriggerKeyword() {
    }

    public static Optional<Trigger> read(YNode node, At at) {
        if (node instanceof YScalar s && s.isString()) {
            return ProjectPath.read(node, at).map(p -> new Trigger(Optional.of(p), Optional.empty(), List.of(),
                    Optional.empty(), true, false));
        }
        if (!(node instanceof YMap map)) {
            at.wrongType(node, "a string or a hash");
            return Optional.empty();
        }
        boolean ok = at.onlyKeys(map, List.of("project", "branch", "strategy", "forward", "include", "inputs"));
        if (map.has("project") == map.has("include")) {
            at.error(map, "invalid-combination", at.path() + " config should use either 'project' (a multi-project"
                    + " pipeline) or 'include' (a child pipeline)" + (map.has("project") ? ", not both" : ""));
            ok = false;
        }
        for (String key : List.of("branch", "inputs")) {
            if (map.has(key) && !map.has("project")) {
                at.error(map.get(key).orElseThrow(), "invalid-combination", at.path() + ":" + key
                        + " may only be used with 'project'");
                ok = false;
            }
        }
        Optional<String> project = map.get("project").flatMap(n -> ProjectPath.read(n, at.child("project")));
        Optional<String> branch = map.get("branch").flatMap(at.child("branch")::string);
        Optional<String> strategy = map.get("strategy").flatMap(n -> at.child("strategy").oneOf(n, List.of("depend", "mirror")));
        ok &= map.get("inputs").map(n -> InputValues.read(n, at.child("inputs")).isPresent()).orElse(true);
        ok &= map.get("strategy").isEmpty() || strategy.isPresent();
        Optional<Forward> forward = map.get("forward").map(n -> forward(n, at.child("forward")))
                .orElse(Optional.of(Forward.DEFAULT));
        ok &= forward.isPresent();
        Optional<List<TriggerInclude>> include = map.get("include").map(n -> include(n, at.child("include")))
                .orElse(Optional.of(List.of()));
        if (!ok || include.isEmpty() || (map.has("project") && project.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Trigger(project, branch, include.get(), strategy, forward.get().yamlVariables(),
                forward.get().pipelineVariables()));
    }

    /** {@code trigger:forward}; GitLab forwards YAML variables and not pipeline variables by default. */
    private record Forward(boolean yamlVariables, boolean pipelineVariables) {
        static final Forward DEFAULT = new Forward(true, false);
    }

    private static Optional<Forward> forward(YNode node, At at) {
        Optional<YMap> map = at.map(node);
        if (map.isEmpty() || !at.onlyKeys(map.get(), List.of("yaml_variables", "pipeline_variables"))) {
            return Optional.empty();
        }
        return Optional.of(new Forward(
                map.get().get("yaml_variables").flatMap(at.child("yaml_variables")::bool).orElse(true),
                map.get().get("pipeline_variables").flatMap(at.child("pipeline_variables")::bool).orElse(false)));
    }

    private static Optional<List<TriggerInclude>> include(YNode node, At at) {
        if (node instanceof YScalar s && s.isString()) {
            return ProjectPath.yamlFile(node, at).map(f -> List.of(new TriggerInclude("local", f, Optional.empty(),
                    Optional.empty(), Optional.empty())));
        }
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "a string or an array of hashes");
            return Optional.empty();
        }
        boolean ok = seq.size() <= MAX_INCLUDES;
        if (!ok) {
            at.error(node, "too-many", at.path() + " config has too many entries (maximum " + MAX_INCLUDES + "), found "
                    + seq.size());
        }
        List<TriggerInclude> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            Optional<TriggerInclude> file = at.map(item).flatMap(m -> includeItem(m, at));
            file.ifPresent(out::add);
            ok &= file.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<TriggerInclude> includeItem(YMap map, At at) {
        Optional<String> oneKind = at.exactlyOneOf(map, KINDS);
        if (oneKind.isEmpty()) {
            return Optional.empty();
        }
        String kind = oneKind.get();
        boolean ok = at.onlyKeys(map, switch (kind) {
            case "artifact" -> List.of("artifact", "job", "inputs");
            case "project" -> List.of("project", "file", "ref", "inputs");
            default -> List.of(kind, "inputs");
        });
        ok &= map.get("inputs").map(n -> InputValues.read(n, at.child("inputs")).isPresent()).orElse(true);
        YNode value = map.get(kind).orElseThrow();
        At kindAt = at.child(kind);
        Optional<String> location = switch (kind) {
            case "local", "template", "artifact" -> ProjectPath.yamlFile(value, kindAt);
            case "remote" -> kindAt.string(value).filter(url -> remote(url, value, kindAt));
            case "component" -> kindAt.string(value);
            default -> ok & at.requireKey(map, "file")
                    ? ProjectPath.yamlFile(map.get("file").orElseThrow(), at.child("file")) : Optional.empty();
        };
        Optional<String> job = Optional.empty();
        if (kind.equals("artifact")) {
            ok &= at.requireKey(map, "job");
            job = map.get("job").flatMap(at.child("job")::string);
        }
        Optional<String> project = kind.equals("project") ? ProjectPath.read(value, kindAt) : Optional.empty();
        Optional<String> ref = map.get("ref").flatMap(at.child("ref")::string);
        if (!ok || location.isEmpty() || (kind.equals("artifact") && job.isEmpty())
                || (kind.equals("project") && project.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new TriggerInclude(kind, location.get(), job, project, ref));
    }

    static boolean remote(String url, YNode node, At at) {
        if (REMOTE.matcher(url).matches()) {
            return true;
        }
        at.error(node, "invalid-value", at.path() + " should be an http(s) URL of a .yml or .yaml file, found '" + url + "'");
        return false;
    }
}
