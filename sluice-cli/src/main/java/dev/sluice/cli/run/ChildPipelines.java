package dev.sluice.cli.run;

import dev.sluice.config.model.Trigger;
import dev.sluice.engine.Job;
import dev.sluice.engine.plan.TriggerContext;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.JobVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Child pipelines of a local run ({@code trigger:include} of local files): compiled and planned like
 * the top pipeline with {@code CI_PIPELINE_SOURCE=parent_pipeline}, the trigger job's variables (and
 * the global YAML variables unless {@code forward:yaml_variables: false}, the pipeline variables if
 * {@code forward:pipeline_variables: true}) passed down as the child's pipeline variables.
 */
public final class ChildPipelines {

    /** A child pipeline ready to run, or why GitLab would fail to create it. */
    public sealed interface Made {
        record Created(Dispatcher dispatcher) implements Made {
        }

        record NotMade(String why) implements Made {
        }
    }

    private final LocalPlanner planner;
    private final TriggerContext parentContext;
    private final List<JobVariable> projectVariables;

    /**
     * @param parentContext    the top pipeline's trigger context (ref, sha, pipeline variables)
     * @param projectVariables the run's masked project variables (variables file), which every pipeline gets
     */
    public ChildPipelines(LocalPlanner planner, TriggerContext parentContext, List<JobVariable> projectVariables) {
        this.planner = planner;
        this.parentContext = parentContext;
        this.projectVariables = List.copyOf(projectVariables);
    }

    Made make(Dispatcher parent, Job trigger, Trigger spec) {
        RunConsole console = parent.services().launcher().console();
        if (spec.include().isEmpty()) {
            return notMade(console, trigger, "multi-project pipelines (trigger:project) cannot run locally");
        }
        StringBuilder text = new StringBuilder("include:\n");
        for (Trigger.TriggerInclude include : spec.include()) {
            if (!include.kind().equals("local")) {
                return notMade(console, trigger, "trigger:include:" + include.kind() + " cannot run locally, only local files");
            }
            text.append("  - local: '").append(include.location().replace("'", "''")).append("'\n");
        }
        Map<String, String> passed = new LinkedHashMap<>();
        if (spec.forwardYamlVariables()) {
            parent.context().globals().forEach(passed::put);
            passed.putAll(trigger.planned().variables());
        }
        if (spec.forwardPipelineVariables()) {
            passed.putAll(parentContext.variables());
        }
        List<JobVariable> outer = new ArrayList<>(projectVariables);
        passed.forEach((k, v) -> outer.add(JobVariable.of(k, v)));
        TriggerContext context = parentContext.withSource("parent_pipeline").withVariables(passed);
        long id = parent.services().pipelineIds().incrementAndGet();
        // one file is compiled as itself, so diagnostics name it; several through a synthetic include list
        String path = spec.include().size() == 1 ? spec.include().get(0).location().replaceFirst("^/", "")
                : "trigger:include of " + trigger.name();
        String config = spec.include().size() == 1 ? planner.files().read(path).orElse(null) : text.toString();
        if (config == null) {
            return notMade(console, trigger, "no such file: " + path);
        }
        var outcome = planner.plan(path, config, context, id, outer,
                parent.services().clock().instant(), (stages, jobs) -> jobs);
        return switch (outcome) {
            case LocalPlanner.Ready ready -> new Made.Created(
                    new Dispatcher(ready.input(), ready.context(), parent.services(), parent.jobLabel(trigger.name())));
            case LocalPlanner.Invalid invalid -> {
                invalid.diagnostics().stream().map(Diagnostic::format).forEach(console::notice);
                yield notMade(console, trigger, "the child pipeline's configuration is invalid");
            }
            case LocalPlanner.NotCreated n -> notMade(console, trigger, n.reason());
            case LocalPlanner.Failed f -> notMade(console, trigger, String.join("; ", f.errors()));
        };
    }

    private static Made notMade(RunConsole console, Job trigger, String why) {
        console.notice("sluice: " + trigger.name() + ": downstream pipeline not created: " + why);
        return new Made.NotMade(why);
    }
}
