package dev.sluice.server;

import dev.sluice.server.web.Control;
import dev.sluice.server.web.LiveUpdates;
import dev.sluice.server.web.MergeRequestControl;
import dev.sluice.server.web.WebRoutes;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Jdbi;

/** The web UI's view of the coordinator: the scheduler's actions and run state, git's branches, the logs' files. */
final class WebControl implements Control {

    private final PipelineRuns runs;
    private final LongFunction<Path> traceFile;
    private final JobArtifacts artifacts;
    private final Runners runners;
    private final Jobs jobs;
    private final RegistrationToken registrationToken;

    private WebControl(PipelineRuns runs, LongFunction<Path> traceFile, JobArtifacts artifacts, Runners runners, Jobs jobs,
                       RegistrationToken registrationToken) {
        this.runs = runs;
        this.traceFile = traceFile;
        this.artifacts = artifacts;
        this.runners = runners;
        this.jobs = jobs;
        this.registrationToken = registrationToken;
    }

    /** Serves the web UI on {@code app}, live-updated by the scheduler's changes, to users signed in with a password. */
    static void serve(Javalin app, Jdbi jdbi, PipelineRuns runs, LongFunction<Path> traceFile, JobArtifacts artifacts,
                      Runners runners, Jobs jobs, RegistrationToken registrationToken, Users users, Permissions permissions, AccessTokens tokens, ProjectVariables variables,
                      ProtectedRefs protectedRefs, MergeSettings mergeSettings, MergeRequestControl mergeRequests) {
        var live = new LiveUpdates();
        runs.onChange(live::pipelineChanged);
        var clock = java.time.Clock.systemUTC();
        var accounts = new WebAccounts(users, permissions, tokens, clock);
        new WebRoutes(jdbi, new WebControl(runs, traceFile, artifacts, runners, jobs, registrationToken), live, accounts, new JdbiWebSessions(jdbi, clock),
                new WebSettings(variables, protectedRefs, mergeSettings), mergeRequests).register(app);
    }

    @Override
    public Outcome play(long jobId) {
        return outcome(runs.play(jobId));
    }

    @Override
    public Outcome retry(long jobId) {
        return outcome(runs.retry(jobId));
    }

    @Override
    public Outcome cancel(long jobId) {
        return outcome(runs.cancel(jobId));
    }

    @Override
    public boolean cancelPipeline(long pipelineId) {
        return runs.cancelPipeline(pipelineId);
    }

    @Override
    public boolean retryPipeline(long pipelineId) {
        return runs.retryPipeline(pipelineId);
    }

    @Override
    public List<String> branches(String repoDir) {
        return GitRepos.branches(Path.of(repoDir));
    }

    @Override
    public Layout layout(long pipelineId) {
        return runs.snapshot(pipelineId).map(p -> {
            var needs = new HashMap<String, List<String>>();
            p.latestJobs().forEach(job -> job.needs().ifPresent(n -> needs.put(job.name(), n.stream().map(x -> x.job()).toList())));
            return new Layout(p.stages(), needs);
        }).orElse(new Layout(List.of(), java.util.Map.of()));
    }

    @Override
    public Path traceFile(long jobId) {
        return traceFile.apply(jobId);
    }

    @Override
    public List<RunnerRow> runners() {
        return runners.list(0, 1000).stream().map(r -> new RunnerRow(r.id(), r.description(), r.tags(), r.paused(),
                r.isInstanceRunner(), jobs.countOfRunner(r.id(), List.of("running")))).toList();
    }

    @Override
    public String registrationToken() {
        return registrationToken.current();
    }

    @Override
    public String resetRegistrationToken() {
        return registrationToken.reset();
    }

    @Override
    public java.util.Optional<Path> artifacts(long jobId) {
        return artifacts.archive(jobId);
    }

    private static Outcome outcome(PipelineRuns.Action action) {
        return switch (action) {
            case PipelineRuns.Action.Done d -> new Outcome.Done(d.jobId());
            case PipelineRuns.Action.Refused r -> new Outcome.Refused(r.reason());
        };
    }
}
