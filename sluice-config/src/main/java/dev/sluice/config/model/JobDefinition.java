package dev.sluice.config.model;

import dev.sluice.model.SourcePos;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job after includes, {@code extends}, {@code !reference}, {@code default:} and {@code parallel}
 * expansion, before any trigger context. Optional fields are absent when neither the job nor what it
 * inherits sets them; the engine owns their defaults (e.g. {@code allow_failure} of manual jobs).
 *
 * @param variables job-level YAML variables only; global ones are in {@link PipelineDefinition}
 *                  and filtered by {@code inherit}
 * @param extras    keywords Sluice validates but does not run yet (release, pages, secrets,
 *                  id_tokens, hooks, identity, ...), as plain maps, lists and strings
 */
public record JobDefinition(
        String name,
        SourcePos pos,
        String stage,
        List<String> beforeScript,
        List<String> script,
        List<String> afterScript,
        Optional<Image> image,
        List<Service> services,
        List<Variable> variables,
        Inherit inherit,
        Optional<List<Rule>> rules,
        Optional<Policy> only,
        Optional<Policy> except,
        When when,
        Optional<String> startIn,
        Optional<AllowFailure> allowFailure,
        Optional<List<Need>> needs,
        Optional<List<String>> dependencies,
        Optional<Artifacts> artifacts,
        List<Cache> cache,
        Optional<Environment> environment,
        Retry retry,
        Optional<Duration> timeout,
        List<String> tags,
        Optional<String> resourceGroup,
        Optional<Boolean> interruptible,
        Optional<String> coverage,
        Optional<Trigger> trigger,
        Optional<ParallelInstance> parallel,
        Map<String, Object> extras) {

    public JobDefinition {
        beforeScript = List.copyOf(beforeScript);
        script = List.copyOf(script);
        afterScript = List.copyOf(afterScript);
        services = List.copyOf(services);
        variables = List.copyOf(variables);
        cache = List.copyOf(cache);
        tags = List.copyOf(tags);
        extras = Map.copyOf(extras);
    }

    public boolean isTrigger() {
        return trigger.isPresent();
    }

    /** This job as one instance of {@code parallel}: renamed, with the matrix values as job variables. */
    public JobDefinition asInstance(String instanceName, ParallelInstance instance, List<Variable> matrixVariables) {
        var vars = new java.util.ArrayList<Variable>();
        var matrixNames = matrixVariables.stream().map(Variable::name).collect(java.util.stream.Collectors.toSet());
        variables.stream().filter(v -> !matrixNames.contains(v.name())).forEach(vars::add);
        vars.addAll(matrixVariables);
        return new JobDefinition(instanceName, pos, stage, beforeScript, script, afterScript, image, services, vars,
                inherit, rules, only, except, when, startIn, allowFailure, needs, dependencies, artifacts, cache,
                environment, retry, timeout, tags, resourceGroup, interruptible, coverage, trigger,
                Optional.of(instance), extras);
    }

    public JobDefinition withNeeds(Optional<List<Need>> effectiveNeeds) {
        return new JobDefinition(name, pos, stage, beforeScript, script, afterScript, image, services, variables,
                inherit, rules, only, except, when, startIn, allowFailure, effectiveNeeds, dependencies, artifacts, cache,
                environment, retry, timeout, tags, resourceGroup, interruptible, coverage, trigger, parallel, extras);
    }
}
