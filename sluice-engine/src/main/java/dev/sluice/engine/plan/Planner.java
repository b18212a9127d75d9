package dev.sluice.engine.plan;

import dev.sluice.config.VariableExpansion;
import dev.sluice.config.model.AutoCancel;
import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.model.PipelineDefinition;
import dev.sluice.config.model.Rule;
import dev.sluice.config.model.When;
import dev.sluice.engine.PlannedJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, for one trigger context, whether a pipeline is created and which jobs it has, with their
 * effective {@code when}, {@code allow_failure}, {@code needs} and variables: {@code workflow:rules},
 * job {@code rules} (first match wins), {@code only}/{@code except} with GitLab's implicit
 * {@code only: [branches, tags]}, then the needs of jobs that rules left out.
 */
public final class Planner {

    /**
     * @param predefined     pipeline-level predefined variables ({@link PredefinedVariables#pipeline})
     * @param outerVariables project/group/instance variables then pipeline variables, which beat YAML
     */
    public PlanResult plan(PipelineDefinition definition, TriggerContext context, RepositoryFacts repository,
                           Map<String, String> predefined, Map<String, String> outerVariables, String projectPath) {
        Map<String, String> globals = new LinkedHashMap<>();
        definition.variables().forEach(v -> globals.put(v.name(), v.value()));
        AutoCancel autoCancel = definition.workflow().autoCancel();
        if (definition.workflow().rules().isPresent()) {
            Conditions conditions = new Conditions(layer(predefined, globals, Map.of(), outerVariables), context, repository);
            Optional<Rule> match = conditions.firstMatch(definition.workflow().rules().get());
            if (match.isEmpty() || match.get().when().orElse(When.ALWAYS) == When.NEVER) {
                return new PlanResult.NotCreated("workflow:rules prevented the pipeline"
                        + match.map(r -> " (rule at " + r.pos() + ")").orElse(" (no rule matched)"));
            }
            match.get().variables().forEach(v -> globals.put(v.name(), v.value()));
            autoCancel = match.get().autoCancel().orElse(autoCancel);
        }
        boolean workflowRules = definition.workflow().rules().isPresent();
        List<PlannedJob> jobs = new ArrayList<>();
        for (JobDefinition job : definition.jobs()) {
            Map<String, String> jobGlobals = inherited(globals, job);
            Map<String, String> jobVariables = new LinkedHashMap<>();
            job.variables().forEach(v -> jobVariables.put(v.name(), v.value()));
            Map<String, String> visible = layer(withJob(predefined, job), jobGlobals, jobVariables, outerVariables);
            Conditions conditions = new Conditions(visible, context, repository);
            new JobSelection(job, conditions, new Policies(context, conditions, projectPath), workflowRules)
                    .select(jobVariables)
                    .ifPresent(jobs::add);
        }
        NeedsPruning.Pruned pruned = NeedsPruning.prune(jobs);
        if (!pruned.errors().isEmpty()) {
            return new PlanResult.Failed(pruned.errors());
        }
        List<PlannedJob> kept = pruned.jobs();
        if (kept.stream().allMatch(j -> j.definition().stage().equals(".pre") || j.definition().stage().equals(".post"))) {
            return new PlanResult.NotCreated(kept.isEmpty() ? "no job is selected for this pipeline"
                    : "a pipeline with only .pre/.post jobs is not created");
        }
        Optional<String> name = definition.workflow().name()
                .map(n -> VariableExpansion.expandAll(n, layer(predefined, globals, Map.of(), outerVariables)))
                .filter(n -> !n.isBlank());
        return new PlanResult.Created(name, globals, definition.stages(), kept, autoCancel);
    }

    /** Lowest to highest: predefined, global YAML, job YAML, then project and pipeline variables. */
    static Map<String, String> layer(Map<String, String> predefined, Map<String, String> globals,
                                     Map<String, String> job, Map<String, String> outer) {
        Map<String, String> all = new LinkedHashMap<>(predefined);
        all.putAll(globals);
        all.putAll(job);
        all.putAll(outer);
        return all;
    }

    private static Map<String, String> inherited(Map<String, String> globals, JobDefinition job) {
        Map<String, String> out = new LinkedHashMap<>();
        globals.forEach((k, v) -> {
            if (job.inherit().inheritsVariable(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Job-level predefined variables that GitLab knows at pipeline creation. */
    private static Map<String, String> withJob(Map<String, String> predefined, JobDefinition job) {
        Map<String, String> out = new LinkedHashMap<>(predefined);
        out.put("CI_JOB_NAME", job.name());
        out.put("CI_JOB_NAME_SLUG", Slugs.ref(job.name()));
        out.put("CI_JOB_STAGE", job.stage());
        out.put("CI_NODE_TOTAL", Integer.toString(job.parallel().map(p -> p.total()).orElse(1)));
        job.parallel().ifPresent(p -> out.put("CI_NODE_INDEX", Integer.toString(p.index())));
        return out;
    }
}
