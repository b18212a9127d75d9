package dev.sluice.server;

import dev.sluice.config.CompileRequest;
import dev.sluice.config.CompileResult;
import dev.sluice.config.PipelineCompiler;
import dev.sluice.config.RepositoryFiles;
import dev.sluice.config.model.AutoCancel;
import dev.sluice.config.model.PipelineDefinition;
import dev.sluice.engine.PipelineInput;
import dev.sluice.engine.plan.CommitInfo;
import dev.sluice.engine.plan.PipelineStart;
import dev.sluice.engine.plan.PlanResult;
import dev.sluice.engine.plan.Planner;
import dev.sluice.engine.plan.PredefinedVariables;
import dev.sluice.engine.plan.ProjectInfo;
import dev.sluice.engine.plan.RepositoryFacts;
import dev.sluice.engine.plan.TriggerContext;
import dev.sluice.engine.spec.RunContext;
import dev.sluice.model.JobVariable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compile and plan one pipeline of a project at a commit; {@link PipelineStart} makes it ready to run, as
 * for {@code sluice run}.
 */
final class ServerPlanner {

    sealed interface Outcome {
    }

    /**
     * GitLab still creates the pipeline, failed, with these errors.
     *
     * @param selectsNothing the configuration is valid but selects no job for this trigger (or {@code workflow:rules}
     *                       refuse it): for a merge request GitLab then creates no pipeline at all
     */
    record Rejected(List<String> errors, boolean selectsNothing) implements Outcome {
        Rejected(List<String> errors) {
            this(errors, false);
        }
    }

    /** @param autoCancel the pipeline's {@code workflow:auto_cancel}, after {@code workflow:rules} */
    record Ready(PipelineInput input, RunContext context, AutoCancel autoCancel) implements Outcome {
    }

    /** @param outer project then pipeline variables, lowest first ({@link OuterVariables}) */
    Outcome plan(ProjectInfo project, CommitInfo commit, TriggerContext trigger, RepositoryFacts facts, long pipelineId,
                 Instant createdAt, List<JobVariable> outer) {
        RepositoryFiles files = facts.files();
        Map<String, String> predefined = new LinkedHashMap<>(
                PredefinedVariables.pipeline(project, commit, trigger, pipelineId, pipelineId, createdAt));
        Map<String, String> outerValues = new LinkedHashMap<>();
        outer.forEach(v -> outerValues.put(v.key(), v.value()));
        Map<String, String> known = new LinkedHashMap<>(predefined);
        known.putAll(outerValues);
        String configPath = ".gitlab-ci.yml";
        var text = files.read(configPath);
        if (text.isEmpty()) {
            return new Rejected(List.of("Missing CI config file " + configPath + " at " + trigger.sha()));
        }
        CompileResult compiled = new PipelineCompiler().compile(
                CompileRequest.of(configPath, text.get()).withFiles(files).withVariables(known));
        if (!compiled.valid() || compiled.pipeline().isEmpty()) {
            return new Rejected(compiled.diagnostics().stream().map(dev.sluice.model.Diagnostic::format).toList());
        }
        PipelineDefinition definition = compiled.pipeline().get();
        PlanResult result = new Planner().plan(definition, trigger, facts, predefined, outerValues,
                project.path());
        return switch (result) {
            case PlanResult.NotCreated n -> new Rejected(List.of(n.reason()), true);
            case PlanResult.Failed f -> new Rejected(f.errors());
            case PlanResult.Created created -> {
                var start = PipelineStart.of(created, created.jobs(), definition, predefined,
                        new PipelineStart.Place(outer, project.path(), "", paths -> ""), pipelineId, pipelineId, createdAt);
                yield new Ready(start.input(), start.context(), created.autoCancel());
            }
        };
    }

}
