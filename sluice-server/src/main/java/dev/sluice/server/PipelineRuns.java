package dev.sluice.server;

import dev.sluice.engine.AutoCancelPolicy;
import dev.sluice.engine.Command;
import dev.sluice.engine.Engine;
import dev.sluice.engine.Event;
import dev.sluice.engine.Job;
import dev.sluice.engine.JobOutcome;
import dev.sluice.engine.Pipeline;
import dev.sluice.engine.TimerKind;
import dev.sluice.engine.Transition;
import dev.sluice.engine.plan.CommitInfo;
import dev.sluice.engine.plan.ProjectInfo;
import dev.sluice.engine.plan.TriggerContext;
import dev.sluice.engine.spec.ArtifactSources;
import dev.sluice.engine.spec.JobSpecs;
import dev.sluice.engine.spec.RunContext;
import dev.sluice.model.FailureReason;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * {@link JobQueue}, a finished pipeline gets its status stored. Each action on a pipeline writes in one
 * transaction (journal entry and rows together); what it does in memory for others to see (a job offered to
 * runners, timers, open pages told) happens once that transaction has committed.
 */
final class PipelineRuns {

    /**
     * What a job needs to become a payload when a runner takes it.
     *
     * @param engineJobId the job's id in its pipeline's engine state, so that the runner's updates reach the
     *                    engine without reading the job's row again
     */
    record Handout(JobSpec spec, Projects.Project project, Pipelines.PipelineRow pipeline, TriggerContext trigger,
                   long engineJobId) {

        /** The values the job's log must not show. */
        List<String> maskedValues() {
            return spec.variables().stream().filter(dev.sluice.model.JobVariable::masked).map(dev.sluice.model.JobVariable::value)
                    .toList();
        }
    }

    private final class Run {
        final Engine engine = new Engine();
        final Projects.Project project;
        final Pipelines.PipelineRow row;
        final TriggerContext trigger;
        final RunContext context;
        /** The pipeline's own {@code workflow:auto_cancel:on_new_commit}: what a newer commit's pipeline may cancel. */
        final AutoCancelPolicy onNewCommit;
        final Map<Long, Long> globalIds = new ConcurrentHashMap<>();
        /** Each job row's status as this server last wrote it: {@link #storeStatuses} writes only what differs. */
        final Map<Long, String> storedStatus = new ConcurrentHashMap<>();
        /** The pipeline status last written to its row: a transition that keeps it writes nothing. */
        String storedPipelineStatus;
        Pipeline pipeline;
        /** What the current action does outside the database, carried out after its transaction commits. */
        final List<Runnable> afterCommit = new java.util.ArrayList<>();
        /** The open pages are told once per action, after its commit. */
        boolean tellPages;

        Run(Projects.Project project, Pipelines.PipelineRow row, TriggerContext trigger, ServerPlanner.Ready ready) {
            this.project = project;
            this.row = row;
            this.trigger = trigger;
            this.context = ready.context();
            this.onNewCommit = AutoCancelPolicy.fromYaml(ready.autoCancel().onNewCommit()).orElse(AutoCancelPolicy.CONSERVATIVE);
        }
    }

    /**
     * A job a runner holds, taken from this node: its token's hash and its row's status (running, canceling), so
     * that the runner's trace and update requests are checked without reading the row. Like the queue, this is
     * per node; a job taken before a restart is not here and its requests read the row.
     */
    record Held(String tokenHash, String status) {
    }

    /** A timer the engine asked for, until its {@link Event.TimerFired} is journaled. */
    private record Timer(long jobId, TimerKind kind) {
    }

    private final Projects projects;
    private final Pipelines pipelines;
    private final PipelineJournal journal;
    private final Jobs jobs;
    private final JobArtifacts artifacts;
    private final JobQueue queue;
    private final ScheduledExecutorService timers;
    /** Known only once the server listens (port 0 picks one). */
    private final java.util.function.Supplier<String> serverUrl;
    private final Clock clock;
    private final OuterVariables outer;
    private final Transactions transactions;
    /** The pipelines that have not completed, and completed ones while a person acts on them. */
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final Map<Long, Handout> handouts = new ConcurrentHashMap<>();
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private static final int RECENTLY_COMPLETED = 100;
    /** Ids of completed runs still in memory, least recently completed first. */
    private final Map<Long, Boolean> recentlyCompleted = new java.util.LinkedHashMap<>(16, 0.75f, true);
    /** Told the pipeline's id after every transition, under the pipeline's lock: it must return at once. */
    private volatile java.util.function.LongConsumer changed = id -> { };

    PipelineRuns(Projects projects, Pipelines pipelines, PipelineJournal journal, Jobs jobs, JobArtifacts artifacts,
                 JobQueue queue, ScheduledExecutorService timers, java.util.function.Supplier<String> serverUrl, Clock clock,
                 OuterVariables outer, Transactions transactions) {
        this.projects = projects;
        this.pipelines = pipelines;
        this.journal = journal;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.queue = queue;
        this.timers = timers;
        this.serverUrl = serverUrl;
        this.clock = clock;
        this.outer = outer;
        this.transactions = transactions;
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

    /** Creates an API pipeline for {@code ref}; an invalid configuration gives a failed pipeline carrying its errors. */
    Pipelines.PipelineRow create(Projects.Project project, String ref, String sha) {
        return create(project, ref, sha, Map.of());
    }

    /** @param variables the pipeline's own variables (API, trigger): they beat project and YAML variables */
    Pipelines.PipelineRow create(Projects.Project project, String ref, String sha, Map<String, String> variables) {
        return create(project, new TriggerContext(ref, false, sha, TriggerContext.NO_SHA, "api", Optional.empty(), variables,
                false, Optional.empty()));
    }

    /**
     * Creates a pipeline for any trigger (its ref, commit, source, changes and variables), then auto-cancels the
     * pipelines it makes redundant; an invalid configuration gives a failed pipeline carrying its errors. Whether
     * the ref is protected is the project's setting, whatever the trigger says.
     */
    Pipelines.PipelineRow create(Projects.Project project, TriggerContext requested) {
        var trigger = new TriggerContext(requested.ref(), requested.tag(), requested.sha(), requested.beforeSha(),
                requested.source(), requested.changedPaths(), requested.variables(),
                outer.isProtected(project.id(), requested.tag(), requested.ref()), requested.mergeRequest());
        var record = new TriggerRecord(trigger, clock.instant());
        long id = journal.open(project.id(), trigger.ref(), trigger.sha(), trigger.source(), record.encode());
        switch (plan(project, id, record)) {
            case ServerPlanner.Rejected r -> reject(id, r);
            case ServerPlanner.Ready ready -> {
                var row = new Pipelines.PipelineRow(id, project.id(), trigger.ref(), trigger.sha(), "created", null, trigger.source());
                Run run = new Run(project, row, trigger, ready);
                synchronized (run) {
                    runs.put(id, run);
                    transact(run, () -> {
                        handle(run, run.engine.start(ready.input()));
                        return null;
                    });
                    evictIfCompleted(run);
                }
                runs.values().stream().filter(older -> RedundantPipelines.madeRedundant(older.row, older.trigger, row))
                        .forEach(older -> withRun(older.row.id(), this::autoCancel));
            }
        }
        return pipelines.find(id).orElseThrow();
    }

    /**
     * False when the configuration selects no job for {@code trigger} (or {@code workflow:rules} refuse it), so that
     * a merge request without merge-request jobs gets no pipeline of its own, as on GitLab. Creates nothing.
     */
    boolean selectsJobs(Projects.Project project, TriggerContext trigger) {
        return !(plan(project, 0, new TriggerRecord(trigger, clock.instant())) instanceof ServerPlanner.Rejected r
                && r.selectsNothing());
    }

    /** Cancels what the older pipeline's own {@code workflow:auto_cancel:on_new_commit} allows, as GitLab does. */
    private Void autoCancel(Run older) {
        for (Event event : older.onNewCommit.cancelEvents(older.pipeline, clock.instant())) {
            record(older, event);
        }
        return null;
    }

    private void reject(long pipelineId, ServerPlanner.Rejected rejected) {
        pipelines.fail(pipelineId, String.join("\n", rejected.errors()));
    }

    private ServerPlanner.Outcome plan(Projects.Project project, long pipelineId, TriggerRecord record) {
        TriggerContext trigger = record.trigger();
        Path repo = Path.of(project.repoDir());
        var info = new ProjectInfo(project.id(), namespace(project.path()), name(project.path()), project.defaultBranch(), serverUrl.get());
        CommitInfo commit;
        try {
            commit = GitRepos.commit(repo, trigger.sha());
        } catch (GitRepos.GitException e) {
            commit = new CommitInfo(trigger.sha(), "", "", "", record.createdAt().atOffset(ZoneOffset.UTC));
        }
        return new ServerPlanner().plan(info, commit, trigger, GitRepos.facts(repo, trigger.sha()), pipelineId, record.createdAt(),
                outer.forPipeline(project.id(), trigger));
    }

    /**
     * Resumes every pipeline that had not completed when the server stopped (see {@link #load}).
     *
     * @return the jobs runners held then: their runners may still report, or may be gone
     */
    List<Long> recover() {
        List<Long> held = new java.util.ArrayList<>();
        for (long pipelineId : journal.unfinished()) {
            withRun(pipelineId, run -> null);
            jobs.ofPipeline(pipelineId).stream().filter(Jobs.JobRow::active).forEach(j -> held.add(j.id()));
        }
        return held;
    }

    /**
     * Rebuilds a pipeline's engine state: re-plans it from its trigger record, replays its journal without
     * side effects, then catches up with what the job rows say happened after the last journaled event
     * (a runner took or finished a job just before the server stopped) and hands out again the pending
     * jobs the lost in-memory queue held. Timers not yet fired are armed again. Null when the pipeline
     * cannot run (created before the journal, or its configuration was rejected).
     */
    private Run load(long pipelineId) {
        var row = pipelines.find(pipelineId);
        var record = journal.triggerRecord(pipelineId).map(TriggerRecord::decode);
        if (row.isEmpty() || record.isEmpty()) {
            return null;
        }
        var project = projects.find(row.get().projectId()).orElseThrow();
        ServerPlanner.Ready ready;
        switch (plan(project, pipelineId, record.get())) {
            case ServerPlanner.Rejected r -> { // the server stopped before it stored the rejection
                reject(pipelineId, r);
                return null;
            }
            case ServerPlanner.Ready r -> ready = r;
        }
        Run run = new Run(project, row.get(), record.get().trigger(), ready);
        return transact(run, () -> replay(run, ready));
    }

    private Run replay(Run run, ServerPlanner.Ready ready) {
        long pipelineId = run.row.id();
        var outstanding = new Outstanding();
        Transition t = run.engine.start(ready.input());
        outstanding.note(t);
        for (String text : journal.events(pipelineId)) {
            Event event = EventCodec.decode(text);
            if (event instanceof Event.TimerFired fired) {
                outstanding.timers.remove(new Timer(fired.jobId(), fired.kind()));
            }
            t = run.engine.apply(t.pipeline(), event);
            outstanding.note(t);
        }
        run.pipeline = t.pipeline();
        for (Job job : run.pipeline.jobs()) {
            run.globalIds.put(job.id(), jobs.ensure(pipelineId, job.id(), job.name(), job.stage(), status(job)));
        }
        reconcile(run);
        outstanding.timers.forEach((timer, at) -> arm(run, timer, at));
        outstanding.children.stream().filter(c -> !run.pipeline.job(c.jobId()).orElseThrow().status().isCompleted())
                .forEach(c -> execute(run, c));
        pipelines.setStatus(pipelineId, run.pipeline.status().yaml());
        storeStatuses(run, run.pipeline.jobs());
        return run;
    }

    /** The replayed commands whose effect lives outside the journal: timers to arm, child pipelines to settle. */
    private static final class Outstanding {
        final Map<Timer, Instant> timers = new java.util.LinkedHashMap<>();
        final List<Command.StartChildPipeline> children = new java.util.ArrayList<>();

        void note(Transition t) {
            for (Command command : t.commands()) {
                switch (command) {
                    case Command.ScheduleTimer s -> timers.put(new Timer(s.jobId(), s.kind()), s.at());
                    case Command.StartChildPipeline c -> children.add(c);
                    default -> { }
                }
            }
        }
    }

    private void reconcile(Run run) {
        Map<Long, Jobs.JobRow> rows = new java.util.HashMap<>();
        jobs.ofPipeline(run.row.id()).forEach(r -> rows.put(r.engineJobId(), r));
        for (Job job : run.pipeline.jobs()) {
            Jobs.JobRow row = rows.get(job.id());
            Optional<JobStatus> stored = JobStatus.fromYaml(row.status());
            boolean ended = stored.map(JobStatus::isCompleted).orElse(false) && row.runnerId() != null;
            switch (job.status()) {
                case PENDING -> {
                    if (row.active() || ended) {
                        record(run, new Event.JobStarted(job.id(), clock.instant()));
                    } else {
                        enqueue(run, run.pipeline.job(job.id()).orElseThrow());
                    }
                    if (ended) {
                        record(run, new Event.JobFinished(job.id(), outcome(row), clock.instant()));
                    }
                }
                case RUNNING -> {
                    if (ended) {
                        record(run, new Event.JobFinished(job.id(), outcome(row), clock.instant()));
                    }
                }
                default -> { }
            }
        }
    }

    /** How a runner said the job ended, from its row. */
    private static JobOutcome outcome(Jobs.JobRow row) {
        return switch (row.status()) {
            case "success" -> new JobOutcome.Success();
            case "canceled" -> new JobOutcome.Canceled();
            default -> new JobOutcome.Failed(Optional.ofNullable(row.failureReason()).flatMap(FailureReason::fromYaml)
                    .orElse(FailureReason.UNKNOWN_FAILURE), Optional.ofNullable(row.exitCode()));
        };
    }

    /**
     * Runs {@code action} on the pipeline's run under its lock, loading the run first when it is not in
     * memory; of the runs that have completed only the most recent stay in memory (a person's retry of an
     * older one loads it again). Empty when the pipeline cannot run.
     */
    private <T> Optional<T> withRun(long pipelineId, java.util.function.Function<Run, T> action) {
        while (true) {
            Run run = runs.computeIfAbsent(pipelineId, this::load);
            if (run == null) {
                return Optional.empty();
            }
            synchronized (run) {
                if (runs.get(pipelineId) != run) {
                    continue; // dropped while we waited: load the journal's latest state
                }
                T result = transact(run, () -> action.apply(run));
                evictIfCompleted(run);
                return Optional.ofNullable(result);
            }
        }
    }

    /**
     * Does {@code work} on the run in one transaction, then what it left for after the commit. When the work
     * fails its writes are rolled back, but the engine state in memory may be ahead of them: the run is dropped,
     * so the next action loads the journal's committed state.
     */
    private <T> T transact(Run run, java.util.function.Supplier<T> work) {
        T result;
        try {
            result = transactions.inOne(work);
        } catch (RuntimeException e) {
            run.afterCommit.clear();
            run.tellPages = false;
            if (runs.get(run.row.id()) == run) { // not while loading it: the map is placing it
                runs.remove(run.row.id(), run);
            }
            throw e;
        }
        List<Runnable> effects = List.copyOf(run.afterCommit);
        run.afterCommit.clear();
        effects.forEach(Runnable::run);
        if (run.tellPages) {
            run.tellPages = false;
            changed.accept(run.row.id());
        }
        return result;
    }

    /**
     * Remembers a completed run among the {@link #RECENTLY_COMPLETED} most recent, dropping the oldest from memory:
     * people act mostly on recent pipelines (a manual deploy after a green build), and loading re-plans from git.
     */
    private void evictIfCompleted(Run run) {
        if (!run.pipeline.status().isCompleted()) {
            return;
        }
        List<Long> dropped = new java.util.ArrayList<>();
        synchronized (recentlyCompleted) {
            recentlyCompleted.put(run.row.id(), Boolean.TRUE);
            var oldest = recentlyCompleted.keySet().iterator();
            while (recentlyCompleted.size() > RECENTLY_COMPLETED) {
                dropped.add(oldest.next());
                oldest.remove();
            }
        }
        for (long id : dropped) {
            Run old = runs.get(id);
            if (old != null && old.pipeline.status().isCompleted()) {
                runs.remove(id, old); // a retry meanwhile finds it gone and loads the journal's state
            }
        }
    }

    /** Journals the event, then applies it: the write-ahead that lets {@link #load} replay it. */
    private Transition record(Run run, Event event) {
        journal.append(run.row.id(), EventCodec.encode(event));
        Transition t = run.engine.apply(run.pipeline, event);
        handle(run, t);
        return t;
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
        return withRun(pipelineId, run -> record(run, new Event.CancelPipeline(clock.instant())).ignored().isEmpty())
                .orElse(false);
    }

    /** GitLab's pipeline retry: every failed or canceled job gets a new attempt. */
    boolean retryPipeline(long pipelineId) {
        return withRun(pipelineId, run -> {
            boolean any = false;
            for (Job job : run.pipeline.latestJobs()) {
                if (job.status() == JobStatus.FAILED || job.status() == JobStatus.CANCELED) {
                    any |= record(run, new Event.RetryJob(job.id(), clock.instant())).ignored().isEmpty();
                }
            }
            return any;
        }).orElse(false);
    }

    /** The server ids of the latest attempt of each job (GitLab lists retried jobs only when asked to). */
    Optional<java.util.Set<Long>> latestJobIds(long pipelineId) {
        // A retry's new attempt always gets a higher id than the attempt it replaces.
        Map<String, Long> latest = new java.util.HashMap<>();
        jobs.ofPipeline(pipelineId).forEach(j -> latest.merge(j.name(), j.id(), Math::max));
        return Optional.of(java.util.Set.copyOf(latest.values()));
    }

    private Action act(long jobId, java.util.function.LongFunction<Event> event) {
        var row = jobs.find(jobId);
        if (row.isEmpty()) {
            return new Action.Refused("job " + jobId + " is not in a known pipeline");
        }
        long engineId = row.get().engineJobId();
        return withRun(row.get().pipelineId(), run -> {
            var t = record(run, event.apply(engineId));
            if (t.ignored().isPresent()) {
                return (Action) new Action.Refused(t.ignored().get());
            }
            String name = run.pipeline.job(engineId).orElseThrow().name();
            return new Action.Done(run.globalIds.get(run.pipeline.latest(name).orElseThrow().id()));
        }).orElseGet(() -> new Action.Refused("job " + jobId + " is not in a known pipeline"));
    }

    Optional<Handout> handout(long jobId) {
        return Optional.ofNullable(handouts.get(jobId));
    }

    /**
     * A runner takes the job: its row gets the runner and the job token's hash and says running, and the engine
     * starts the job, in one transaction. False when the job is no longer pending (canceled meanwhile).
     */
    boolean start(long jobId, long runnerId, String tokenHash) {
        return apply(jobId, handouts.get(jobId), () -> jobs.assign(jobId, runnerId, tokenHash),
                () -> held.put(jobId, new Held(tokenHash, "running")), "running",
                engineId -> new Event.JobStarted(engineId, clock.instant()));
    }

    /** The job a runner holds, when it took it from this node. */
    Optional<Held> held(long jobId) {
        return Optional.ofNullable(held.get(jobId));
    }

    /**
     * The end of a job a runner held (its report, or the watchdog's verdict): the row's status, failure reason and
     * exit code, and the engine's event, in one transaction. False when the job had already ended.
     */
    boolean finish(long jobId, JobOutcome outcome, String failureReason, Integer exitCode) {
        String status = rowStatus(outcome);
        held.remove(jobId);
        return apply(jobId, handouts.remove(jobId), () -> jobs.finish(jobId, status, failureReason, exitCode), () -> { },
                status, engineId -> new Event.JobFinished(engineId, outcome, clock.instant()));
    }

    /** The job row's status for a runner's outcome, as {@link Jobs#finish} stores it. */
    private static String rowStatus(JobOutcome outcome) {
        return switch (outcome) {
            case JobOutcome.Success s -> "success";
            case JobOutcome.Canceled c -> "canceled";
            case JobOutcome.Failed f -> "failed";
        };
    }

    /**
     * Writes a runner's change to the job's row and, when the row took it, records the event on the job's
     * pipeline, both in the pipeline's transaction. The job's handout, kept from enqueue to finish, names the
     * pipeline and the engine's job id, so the runner's request reads no row for it; only a job handed out before
     * a restart (no handout) is looked up. {@code rowStatus} is what {@code writeRow} stores, noted so that
     * {@link #storeStatuses} does not write it again; {@code committed} runs once the row's change is committed,
     * still under the pipeline's lock. A job whose pipeline cannot run gets its row written alone.
     */
    private boolean apply(long jobId, Handout handout, java.util.function.BooleanSupplier writeRow, Runnable committed,
                          String rowStatus, java.util.function.LongFunction<Event> event) {
        var job = handout != null ? Optional.of(new JobRef(handout.pipeline().id(), handout.engineJobId()))
                : jobs.find(jobId).map(row -> new JobRef(row.pipelineId(), row.engineJobId()));
        return job.flatMap(j -> withRun(j.pipelineId(), run -> {
            if (!writeRow.getAsBoolean()) {
                return false;
            }
            run.afterCommit.add(committed);
            run.storedStatus.put(jobId, rowStatus);
            record(run, event.apply(j.engineJobId()));
            return true;
        })).orElseGet(writeRow::getAsBoolean);
    }

    /** Where a job lives: its pipeline, and its id in that pipeline's engine state. */
    private record JobRef(long pipelineId, long engineJobId) {
    }

    private void applyLater(long pipelineId, Event event) {
        withRun(pipelineId, run -> record(run, event));
    }

    private void arm(Run run, Timer timer, Instant at) {
        run.afterCommit.add(() -> {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
            timers.schedule(() -> applyLater(run.row.id(), new Event.TimerFired(timer.jobId(), timer.kind(), at)), delay,
                    TimeUnit.MILLISECONDS);
        });
    }

    private void handle(Run run, Transition transition) {
        List<Job> changedJobs = changedJobs(run.pipeline, transition.pipeline());
        run.pipeline = transition.pipeline();
        for (Job job : changedJobs) {
            run.globalIds.computeIfAbsent(job.id(),
                    e -> jobs.ensure(run.row.id(), job.id(), job.name(), job.stage(), status(job)));
        }
        String status = run.pipeline.status().name().toLowerCase(Locale.ROOT);
        if (!status.equals(run.storedPipelineStatus)) {
            pipelines.setStatus(run.row.id(), status);
            run.storedPipelineStatus = status;
        }
        for (Command command : transition.commands()) {
            execute(run, command);
        }
        storeStatuses(run, changedJobs);
        run.tellPages = true;
    }

    /**
     * The jobs a transition changed or added. The engine keeps every attempt in creation order, adds new ones at
     * the end and returns the same object for a job it did not change, so the walk is by identity.
     */
    private static List<Job> changedJobs(Pipeline before, Pipeline after) {
        List<Job> old = before == null ? List.of() : before.jobs();
        List<Job> now = after.jobs();
        if (now.size() < old.size()) {
            return now;
        }
        List<Job> changed = new java.util.ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            if (i >= old.size() || now.get(i) != old.get(i)) {
                changed.add(now.get(i));
            }
        }
        return changed;
    }

    /**
     * Keeps each job row's status up with the engine (manual, skipped, canceled...). A job a runner holds
     * (running, canceling) is left to the runner's own updates: the row says canceling until the runner
     * reports the job's end, as GitLab does.
     */
    private void storeStatuses(Run run, List<Job> which) {
        for (Job job : which) {
            long id = run.globalIds.get(job.id());
            String status = status(job);
            if (!status.equals(run.storedStatus.put(id, status))) {
                jobs.settle(id, status);
            }
        }
    }

    private void execute(Run run, Command command) {
        switch (command) {
            case Command.StartJob s -> enqueue(run, run.pipeline.job(s.jobId()).orElseThrow());
            case Command.CancelJob c -> {
                long id = run.globalIds.get(c.jobId());
                if (queue.remove(id)) {
                    handouts.remove(id);
                    setStatus(run, id, "canceled");
                } else if (held.containsKey(id)) {
                    Held holder = held.get(id);
                    setStatus(run, id, "canceling");
                    run.afterCommit.add(() -> held.replace(id, holder, new Held(holder.tokenHash(), "canceling")));
                } else { // taken before a restart
                    jobs.find(id).filter(j -> j.status().equals("running")).ifPresent(j -> setStatus(run, id, "canceling"));
                }
            }
            case Command.ScheduleTimer t -> arm(run, new Timer(t.jobId(), t.kind()), t.at());
            case Command.StartChildPipeline c -> run.afterCommit.add(() -> timers.execute(() -> applyLater(run.row.id(),
                    new Event.JobFinished(c.jobId(), new JobOutcome.Failed(FailureReason.DOWNSTREAM_PIPELINE_CREATION_FAILED,
                            Optional.empty()), clock.instant()))));
            case Command.AcquireResource a -> { }
            case Command.ReleaseResource r -> { }
            case Command.PipelineFinished f -> {
                // The run is dropped from memory after this transition; a person's retry loads it again.
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
        // The engine numbers jobs per pipeline; runners and job variables use the server's job ids.
        JobSpec spec = JobSpecs.build(job, run.row.id(), run.context, sources, run.globalIds::get);
        if (job.planned().definition().environment().isPresent()) { // variables scoped to the job's (expanded) environment
            var c = run.context;
            var environment = spec.variables().stream().filter(v -> v.key().equals("CI_ENVIRONMENT_NAME"))
                    .map(dev.sluice.model.JobVariable::value).reduce((first, last) -> last);
            spec = JobSpecs.build(job, run.row.id(), new RunContext(c.predefined(), c.globals(), c.rawGlobals(),
                    outer.forJob(run.project.id(), run.trigger, environment), c.projectDir(), c.defaultTimeout(),
                    c.cacheKeySuffix(), c.filesCacheKey()), sources, run.globalIds::get);
        }
        handouts.put(id, new Handout(spec, run.project, run.row, run.trigger, job.id()));
        setStatus(run, id, "pending");
        var pending = new JobQueue.Pending(id, job.planned().definition().tags(), run.project.id(), run.trigger.protectedRef());
        run.afterCommit.add(() -> queue.offer(pending));
    }

    /** Writes a job row's status and notes it, so that {@link #storeStatuses} does not write it a second time. */
    private void setStatus(Run run, long jobId, String status) {
        jobs.setStatus(jobId, status);
        run.storedStatus.put(jobId, status);
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
