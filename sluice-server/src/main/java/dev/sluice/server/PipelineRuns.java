package dev.sluice.server;

import dev.sluice.engine.Command;
import dev.sluice.engine.Engine;
import dev.sluice.engine.Event;
import dev.sluice.engine.Job;
import dev.sluice.engine.JobOutcome;
import dev.sluice.engine.Pipeline;
import dev.sluice.engine.Transition;
import dev.sluice.engine.plan.CommitInfo;
import dev.sluice.engine.plan.ProjectInfo;
import dev.sluice.engine.plan.TriggerContext;
import dev.sluice.engine.spec.ArtifactSources;
import dev.sluice.engine.spec.JobSpecs;
import dev.sluice.engine.spec.RunContext;
import dev.sluice.model.FailureReason;
import dev.sluice.model.JobSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler: one engine state per running pipeline, advanced under that pipeline's lock so its
 * transitions are serialised, and its commands carried out: a started job becomes pending in the
 * {@link JobQueue}, a finished pipeline gets its status stored.
 */
final class PipelineRuns {

    /** What a job needs to become a payload when a runner takes it. */
    record Handout(JobSpec spec, Projects.Project project, Pipelines.PipelineRow pipeline, TriggerContext trigger) {
    }

    private final class Run {
        final Engine engine = new Engine();
        final Projects.Project project;
        final Pipelines.PipelineRow row;
        final TriggerContext trigger;
        final RunContext context;
        final Map<Long, Long> globalIds = new ConcurrentHashMap<>();
        final Map<Long, String> storedStatus = new ConcurrentHashMap<>();
        Pipeline pipeline;

        Run(Projects.Project project, Pipelines.PipelineRow row, TriggerContext trigger, RunContext context) {
            this.project = project;
            this.row = row;
            this.trigger = trigger;
            this.context = context;
        }
    }

    private final Pipelines pipelines;
    private final Jobs jobs;
    private final JobArtifacts artifacts;
    private final JobQueue queue;
    private final ScheduledExecutorService timers;
    /** Known only once the server listens (port 0 picks one). */
    private final java.util.function.Supplier<String> serverUrl;
    private final Clock clock;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final Map<Long, Run> runOfJob = new ConcurrentHashMap<>();
    private final Map<Long, Handout> handouts = new ConcurrentHashMap<>();
    /** Told the pipeline's id after every transition, under the pipeline's lock: it must return at once. */
    private volatile java.util.function.LongConsumer changed = id -> { };

    PipelineRuns(Pipelines pipelines, Jobs jobs, JobArtifacts artifacts, JobQueue queue, ScheduledExecutorService timers, java.util.function.Supplier<String> serverUrl, Clock clock) {
        this.pipelines = pipelines;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.queue = queue;
        this.timers = timers;
        this.serverUrl = serverUrl;
        this.clock = clock;
    }

    /** Registers the one listener told about every change of a pipeline's run state (the web UI's live updates). */
    void onChange(java.util.function.LongConsumer listener) {
        changed = listener;
    }

    /** The engine's current state of a pipeline this server runs (an immutable value), for the web UI's graph. */
    Optional<Pipeline> snapshot(long pipelineId) {
        return Optional.ofNullable(runs.get(pipelineId)).map(run -> {
            synchronized (run) {
                return run.pipeline;
            }
        });
    }

    /** Creates a pipeline for {@code ref}; an invalid configuration gives a failed pipeline carrying its errors. */
    Pipelines.PipelineRow create(Projects.Project project, String ref, String sha) {
        Path repo = Path.of(project.repoDir());
        var files = GitRepos.files(repo, sha);
        long id = pipelines.create(project.id(), ref, sha, "created", null);
        Instant now = clock.instant();
        var info = new ProjectInfo(project.id(), namespace(project.path()), name(project.path()), project.defaultBranch(), serverUrl.get());
        var commit = new CommitInfo(sha, "", "", "", OffsetDateTime.now(clock));
        var trigger = new TriggerContext(ref, false, sha, TriggerContext.NO_SHA, "api", Optional.empty(), Map.of(), false,
                Optional.empty());
        return switch (new ServerPlanner().plan(info, commit, trigger, files, id, now)) {
            case ServerPlanner.Rejected r -> {
                var row = new Pipelines.PipelineRow(id, project.id(), ref, sha, "failed", String.join("\n", r.errors()));
                pipelines.fail(id, row.errors());
                yield row;
            }
            case ServerPlanner.Ready ready -> {
                var row = new Pipelines.PipelineRow(id, project.id(), ref, sha, "created", null);
                Run run = new Run(project, row, trigger, ready.context());
                runs.put(id, run);
                synchronized (run) {
                    handle(run, run.engine.start(ready.input()));
                }
                yield pipelines.find(id).orElseThrow();
            }
        };
    }

    /** A person's action on a job (play, retry, cancel): the server id of the job it leaves, or why it was refused. */
    sealed interface Action {
        record Done(long jobId) implements Action {
        }

        record Refused(String reason) implements Action {
        }
    }

    Action play(long jobId) {
        return act(jobId, engineId -> new Event.PlayManual(engineId, clock.instant()));
    }

    Action cancel(long jobId) {
        return act(jobId, engineId -> new Event.CancelJob(engineId, clock.instant()));
    }

    /** The new attempt's id on success. */
    Action retry(long jobId) {
        return act(jobId, engineId -> new Event.RetryJob(engineId, clock.instant()));
    }

    /** Cancels every cancelable job; false when the pipeline is not known (or has nothing to cancel). */
    boolean cancelPipeline(long pipelineId) {
        Run run = runs.get(pipelineId);
        if (run == null) {
            return false;
        }
        synchronized (run) {
            var t = run.engine.apply(run.pipeline, new Event.CancelPipeline(clock.instant()));
            handle(run, t);
            return t.ignored().isEmpty();
        }
    }

    /** GitLab's pipeline retry: every failed or canceled job gets a new attempt. */
    boolean retryPipeline(long pipelineId) {
        Run run = runs.get(pipelineId);
        if (run == null) {
            return false;
        }
        synchronized (run) {
            boolean any = false;
            for (Job job : run.pipeline.latestJobs()) {
                if (job.status() == dev.sluice.model.JobStatus.FAILED || job.status() == dev.sluice.model.JobStatus.CANCELED) {
                    var t = run.engine.apply(run.pipeline, new Event.RetryJob(job.id(), clock.instant()));
                    handle(run, t);
                    any |= t.ignored().isEmpty();
                }
            }
            return any;
        }
    }

    /** The server ids of the latest attempt of each job (GitLab lists retried jobs only when asked to). */
    Optional<java.util.Set<Long>> latestJobIds(long pipelineId) {
        return Optional.ofNullable(runs.get(pipelineId)).map(run -> {
            synchronized (run) {
                return run.pipeline.latestJobs().stream().map(j -> run.globalIds.get(j.id()))
                        .collect(java.util.stream.Collectors.toSet());
            }
        });
    }

    private Action act(long jobId, java.util.function.LongFunction<Event> event) {
        Run run = runOfJob.get(jobId);
        if (run == null) {
            return new Action.Refused("job " + jobId + " is not in a known pipeline");
        }
        synchronized (run) {
            long engineId = engineId(run, jobId);
            var t = run.engine.apply(run.pipeline, event.apply(engineId));
            handle(run, t);
            if (t.ignored().isPresent()) {
                return new Action.Refused(t.ignored().get());
            }
            String name = run.pipeline.job(engineId).orElseThrow().name();
            return new Action.Done(run.globalIds.get(run.pipeline.latest(name).orElseThrow().id()));
        }
    }

    private static long engineId(Run run, long jobId) {
        return run.globalIds.entrySet().stream().filter(e -> e.getValue() == jobId).findFirst().orElseThrow().getKey();
    }

    Optional<Handout> handout(long jobId) {
        return Optional.ofNullable(handouts.get(jobId));
    }

    void jobStarted(long jobId) {
        apply(jobId, (run, engineId) -> new Event.JobStarted(engineId, clock.instant()));
    }

    void jobFinished(long jobId, JobOutcome outcome) {
        handouts.remove(jobId);
        apply(jobId, (run, engineId) -> new Event.JobFinished(engineId, outcome, clock.instant()));
    }

    private void apply(long jobId, java.util.function.BiFunction<Run, Long, Event> event) {
        Run run = runOfJob.get(jobId);
        if (run == null) {
            return;
        }
        synchronized (run) {
            handle(run, run.engine.apply(run.pipeline, event.apply(run, engineId(run, jobId))));
        }
    }

    private void applyEngine(Run run, Event event) {
        synchronized (run) {
            handle(run, run.engine.apply(run.pipeline, event));
        }
    }

    private void handle(Run run, Transition transition) {
        run.pipeline = transition.pipeline();
        for (Job job : run.pipeline.jobs()) {
            long id = run.globalIds.computeIfAbsent(job.id(),
                    e -> jobs.ensure(run.row.id(), job.id(), job.name(), job.stage(), status(job)));
            runOfJob.putIfAbsent(id, run);
        }
        pipelines.setStatus(run.row.id(), run.pipeline.status().name().toLowerCase(Locale.ROOT));
        for (Command command : transition.commands()) {
            execute(run, command);
        }
        storeStatuses(run);
        changed.accept(run.row.id());
    }

    /**
     * Keeps each job row's status up with the engine (manual, skipped, canceled...). A job a runner holds
     * (running, canceling) is left to the runner's own updates: the row says canceling until the runner
     * reports the job's end, as GitLab does.
     */
    private void storeStatuses(Run run) {
        for (Job job : run.pipeline.jobs()) {
            long id = run.globalIds.get(job.id());
            String status = status(job);
            if (!status.equals(run.storedStatus.put(id, status))) {
                jobs.find(id).filter(row -> !row.active() && !row.status().equals(status))
                        .ifPresent(row -> jobs.setStatus(id, status));
            }
        }
    }

    private void execute(Run run, Command command) {
        switch (command) {
            case Command.StartJob s -> enqueue(run, run.pipeline.job(s.jobId()).orElseThrow());
            case Command.CancelJob c -> {
                long id = run.globalIds.get(c.jobId());
                if (queue.remove(id)) {
                    jobs.setStatus(id, "canceled");
                } else {
                    jobs.find(id).filter(j -> j.status().equals("running")).ifPresent(j -> jobs.setStatus(id, "canceling"));
                }
            }
            case Command.ScheduleTimer t -> {
                long delay = Math.max(0, Duration.between(clock.instant(), t.at()).toMillis());
                timers.schedule(() -> applyEngine(run, new Event.TimerFired(t.jobId(), t.kind(), t.at())), delay,
                        TimeUnit.MILLISECONDS);
            }
            case Command.StartChildPipeline c -> timers.execute(() -> applyEngine(run, new Event.JobFinished(c.jobId(),
                    new JobOutcome.Failed(FailureReason.DOWNSTREAM_PIPELINE_CREATION_FAILED, Optional.empty()), clock.instant())));
            case Command.AcquireResource a -> { }
            case Command.ReleaseResource r -> { }
            case Command.PipelineFinished f -> {
                // The run stays known: a person may still retry its jobs.
                pipelines.setStatus(run.row.id(), f.status().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private void enqueue(Run run, Job job) {
        long id = run.globalIds.get(job.id());
        List<JobSpecs.Source> sources = ArtifactSources.of(run.pipeline, job).stream().map(j -> {
            long dependency = run.globalIds.get(j.id());
            return new JobSpecs.Source(j, artifacts.archive(dependency).isPresent(), artifacts.dotenv(dependency));
        }).toList();
        JobSpec built = JobSpecs.build(job, run.row.id(), run.context, sources);
        // The engine numbers jobs per pipeline; runners download by the server's job id.
        JobSpec spec = new JobSpec(id, built.name(), built.stage(), built.projectDir(), built.variables(), built.script(),
                built.afterScript(), built.timeout(), built.image(), built.services(), built.artifacts(), built.caches(),
                built.dependencies().stream().map(d -> new dev.sluice.model.ArtifactDownload(
                        run.globalIds.get(d.jobId()), d.jobName(), d.hasArchive())).toList());
        handouts.put(id, new Handout(spec, run.project, run.row, run.trigger));
        jobs.setStatus(id, "pending");
        queue.offer(new JobQueue.Pending(id, job.planned().definition().tags()));
    }

    private static String status(Job job) {
        return job.status().name().toLowerCase(Locale.ROOT);
    }

    private static String namespace(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
