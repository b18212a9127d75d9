package dev.sluice.cli.run;

import dev.sluice.config.CompileRequest;
import dev.sluice.config.CompileResult;
import dev.sluice.config.PipelineCompiler;
import dev.sluice.config.model.PipelineDefinition;
import dev.sluice.engine.PipelineInput;
import dev.sluice.engine.PlannedJob;
import dev.sluice.engine.plan.PipelineStart;
import dev.sluice.engine.plan.PlanResult;
import dev.sluice.engine.plan.Planner;
import dev.sluice.engine.plan.PredefinedVariables;
import dev.sluice.engine.plan.RepositoryFacts;
import dev.sluice.engine.plan.TriggerContext;
import dev.sluice.engine.spec.RunContext;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Compiles and plans one pipeline of a local run (the top one or a child): predefined variables
 * from the run's source, the compiler, GitLab's planner, then the engine's input and the context
 * that turns its jobs into {@link JobSpec}s.
 */
public final class LocalPlanner {

    /** What planning gave. */
    public sealed interface Outcome {
    }

    /** The configuration has errors (warnings come along). */
    public record Invalid(List<Diagnostic> diagnostics) implements Outcome {
    }

    /** GitLab would create no pipeline. */
    public record NotCreated(String reason) implements Outcome {
    }

    /** GitLab would create the pipeline and fail it at once. */
    public record Failed(List<String> errors) implements Outcome {
    }

    /** A pipeline to run; {@code warnings} are the compiler's. */
    public record Ready(PipelineInput input, RunContext context, List<Diagnostic> warnings) implements Outcome {
    }

    private final RunSource source;
    private final SourceFiles files;

    public LocalPlanner(RunSource source) {
        this.source = source;
        this.files = new SourceFiles(source.root(), source.files());
    }

    SourceFiles files() {
        return files;
    }

    public RunSource source() {
        return source;
    }

    /**
     * GitLab's {@code GITLAB_USER_*}: the user who started the pipeline. Locally that is the author of
     * HEAD; the login is the local part of the e-mail, as GitLab has no username to give.
     */
    private static void user(Map<String, String> predefined, String name, String email) {
        if (email.isEmpty()) {
            return;
        }
        predefined.put("GITLAB_USER_NAME", name);
        predefined.put("GITLAB_USER_EMAIL", email);
        predefined.put("GITLAB_USER_LOGIN", email.contains("@") ? email.substring(0, email.indexOf('@')) : email);
    }

    /**
     * @param outer     project-level (variables file) then pipeline variables, lowest first
     * @param selection narrows the planned jobs (named jobs), given the stages in order; identity for all
     */
    public Outcome plan(String configPath, String text, TriggerContext context, long pipelineId, List<JobVariable> outer,
                        Instant createdAt, BiFunction<List<String>, List<PlannedJob>, List<PlannedJob>> selection) {
        Map<String, String> predefined = new LinkedHashMap<>(
                PredefinedVariables.pipeline(source.project(), source.commit(), context, pipelineId, pipelineId, createdAt));
        predefined.put("CI_CONFIG_PATH", configPath);
        user(predefined, source.commit().authorName(), source.commit().authorEmail());
        Map<String, String> outerValues = new LinkedHashMap<>();
        outer.forEach(v -> outerValues.put(v.key(), v.value()));
        Map<String, String> known = new LinkedHashMap<>(predefined);
        known.putAll(outerValues);
        CompileResult compiled = new PipelineCompiler().compile(
                CompileRequest.of(configPath, text).withFiles(files).withVariables(known));
        if (!compiled.valid() || compiled.pipeline().isEmpty()) {
            return new Invalid(compiled.diagnostics());
        }
        PipelineDefinition definition = compiled.pipeline().get();
        PlanResult result = new Planner().plan(definition, context, RepositoryFacts.of(files), predefined, outerValues,
                source.project().path());
        return switch (result) {
            case PlanResult.NotCreated n -> new NotCreated(n.reason());
            case PlanResult.Failed f -> new Failed(f.errors());
            case PlanResult.Created created -> {
                // GitLab: CI_PROJECT_DIR is <builds>/<namespace>/<project>
                var start = PipelineStart.of(created, selection.apply(created.stages(), created.jobs()), definition, predefined,
                        new PipelineStart.Place(outer, source.project().path(), "", files::cacheKey), pipelineId, pipelineId,
                        createdAt);
                var input = start.input();
                var runContext = start.context();
                yield new Ready(input, runContext, compiled.warnings());
            }
        };
    }
}
