package dev.sluice.cli.run;

import dev.sluice.engine.Command;
import dev.sluice.engine.Engine;
import dev.sluice.engine.Event;
import dev.sluice.engine.Job;
import dev.sluice.engine.JobOutcome;
import dev.sluice.engine.Pipeline;
import dev.sluice.engine.PipelineInput;
import dev.sluice.engine.TimerKind;
import dev.sluice.engine.Transition;
import dev.sluice.engine.spec.ArtifactSources;
import dev.sluice.engine.spec.JobSpecs;
import dev.sluice.engine.spec.RunContext;
import dev.sluice.model.FailureReason;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobStatus;
import dev.sluice.model.JobVariable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one pipeline on this machine: a single-threaded loop applies events to the {@link Engine} in
 * the order they arrive and carries out its commands. Jobs run on virtual threads, at most as many
 * at once as the run has slots; they, the timers and child pipelines only post events back. The
 * loop ends when nothing runs, nothing waits for a slot, a timer or a resource group, and no child
 * pipeline is left.
 *
 * <p>{@link #cancel} (Ctrl-C) cancels the pipeline the GitLab way: running jobs stop and still run
 * their after_script. {@link #abort} stops everything at once.
 */
public final class Dispatcher {

    /**
     * A job timeout is the runner's to enforce (it still runs after_script in time); the engine's
     * timer is only the coordinator's backstop for a runner that never answers, as in GitLab.
     */
    static final Duration TIMEOUT_BACKSTOP = Duration.ofMinutes(1);

    private sealed interface Message {
    }

    private record Apply(Event event) implements Message {
    }

    private record JobEnded(long jobId, dev.sluice.executor.JobOutcome outcome) implements Message {
    }

    private record ChildEnded(long jobId, Optional<Event> event) implements Message {
    }

    /** A downstream pipeline and the trigger job that made it. */
    public record Child(String triggerJob, Dispatcher dispatcher) {
    }

    private final Engine engine;
    private final PipelineInput input;
    private final RunContext context;
    private final RunServices services;
    private final String label;
    private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
    private final Map<Long, JobLauncher.Launch> running = new ConcurrentHashMap<>();
    private final Map<Long, Child> children = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, String>> dotenv = new ConcurrentHashMap<>();
    private final Map<Long, Integer> exitCodes = new ConcurrentHashMap<>();
    private final Set<Long> canceledBeforeStart = ConcurrentHashMap.newKeySet();
    private final Set<Long> played = new HashSet<>();
    private final Set<String> announcedStages = new HashSet<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Pipeline pipeline;
    private volatile boolean aborted;
    private int inFlight;

    /** @param label how the console names this pipeline's jobs: empty for the top pipeline, the trigger job for a child */
    public Dispatcher(PipelineInput input, RunContext context, RunServices services, String label) {
        this.input = input;
        this.context = context;
        this.services = services;
        this.label = label;
        this.engine = new Engine(services.resourceGroups().viewFor(input.id()));
        services.resourceGroups().register(this);
        input.jobs().forEach(j -> services.launcher().console().reserve(jobLabel(j.name())));
    }

    public long pipelineId() {
        return input.id();
    }

    /** The pipeline as it stands (after {@link #run}: as it ended); null before {@link #run} starts. */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** The exit code of the job's script, when it ran and exited by itself. */
    public Optional<Integer> exitCode(long jobId) {
        return Optional.ofNullable(exitCodes.get(jobId));
    }

    /** The child pipelines this pipeline's trigger jobs made, in the order they were made. */
    public List<Child> children() {
        return children.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /** Runs the pipeline to its end on the calling thread and returns it. */
    public Pipeline run() {
        try {
            synchronized (services.resourceGroups().lock) {
                handle(engine.start(input));
            }
            while (inFlight > 0 || waits()) {
                Message message = queue.take();
                switch (message) {
                    case Apply a -> apply(a.event());
                    case JobEnded e -> jobEnded(e);
                    case ChildEnded c -> {
                        inFlight--;
                        c.event().ifPresent(this::apply);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        } finally {
            timers.forEach(t -> t.cancel(false));
            done.countDown();
        }
        return pipeline;
    }

    /** Waits until {@link #run} has returned (for a shutdown hook); false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Cancels the pipeline, as GitLab's Cancel button. Any thread. */
    public void cancel() {
        queue.add(new Apply(new Event.CancelPipeline(now())));
    }

    /** Stops every running job at once: no after_script, no uploads. Any thread. */
    public void abort() {
        aborted = true;
        running.values().forEach(JobLauncher.Launch::abort);
        children.values().forEach(c -> c.dispatcher().abort());
        cancel();
    }

    /** Another pipeline of the run released {@code group}: waiting jobs here may take it. Any thread. */
    void resourceFreed(String group) {
        queue.add(new Apply(new Event.ResourceFreed(group, now())));
    }

    private void apply(Event event) {
        synchronized (services.resourceGroups().lock) {
            handle(engine.apply(pipeline, event));
        }
    }

    private void handle(Transition transition) {
        synchronized (services.resourceGroups().lock) {
            pipeline = transition.pipeline();
            for (Command command : transition.commands()) {
                execute(command);
            }
            playRequestedManualJobs();
        }
    }

    private void execute(Command command) {
        switch (command) {
            case Command.StartJob s -> start(pipeline.job(s.jobId()).orElseThrow());
            case Command.CancelJob c -> {
                canceledBeforeStart.add(c.jobId());
                Optional.ofNullable(running.get(c.jobId())).ifPresent(JobLauncher.Launch::cancel);
                Optional.ofNullable(children.get(c.jobId())).ifPresent(child -> child.dispatcher().cancel());
            }
            case Command.ScheduleTimer t -> schedule(t);
            case Command.StartChildPipeline c -> startChild(pipeline.job(c.jobId()).orElseThrow(), c);
            case Command.AcquireResource a -> services.resourceGroups().acquired(a.group(), input.id());
            case Command.ReleaseResource r -> services.resourceGroups().released(r.group(), input.id());
            case Command.PipelineFinished f -> { }
        }
    }

    private void start(Job job) {
        JobSpec spec = spec(job);
        if (announcedStages.add(job.stage())) {
            services.launcher().console().stage(label, job.stage());
        }
        JobLauncher.Launch launch = services.launcher().prepare(input.id(), jobLabel(job.name()), spec);
        running.put(job.id(), launch);
        inFlight++;
        Thread.ofVirtual().name("job-" + input.id() + "-" + job.id()).start(() -> {
            dev.sluice.executor.JobOutcome outcome = null;
            boolean acquired = false;
            try {
                services.slots().acquire();
                acquired = true;
                if (canceledBeforeStart.contains(job.id()) || aborted) {
                    outcome = canceled();
                } else {
                    queue.add(new Apply(new Event.JobStarted(job.id(), now())));
                    outcome = launch.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = canceled();
            } catch (RuntimeException e) {
                services.launcher().console().notice("sluice: job " + job.name() + " failed in the runner: " + e);
                outcome = new dev.sluice.executor.JobOutcome(dev.sluice.executor.JobOutcome.Result.FAILED,
                        Optional.of(dev.sluice.executor.RunFailure.RUNNER_SYSTEM_FAILURE), java.util.OptionalInt.empty(),
                        List.of(), Duration.ZERO);
            } finally {
                if (acquired) {
                    services.slots().release();
                }
                queue.add(new JobEnded(job.id(), outcome == null ? canceled() : outcome));
            }
        });
    }

    private JobSpec spec(Job job) {
        List<JobSpecs.Source> sources = ArtifactSources.of(pipeline, job).stream()
                .map(j -> new JobSpecs.Source(j, services.launcher().hasArchive(input.id(), j.id()),
                        dotenv.getOrDefault(j.id(), Map.of())))
                .toList();
        return JobSpecs.build(job, input.id(), context, sources);
    }

    private void jobEnded(JobEnded ended) {
        inFlight--;
        running.remove(ended.jobId());
        Map<String, String> variables = new LinkedHashMap<>();
        ended.outcome().dotenv().forEach(v -> variables.put(v.key(), v.value()));
        dotenv.put(ended.jobId(), variables);
        ended.outcome().exitCode().ifPresent(code -> exitCodes.put(ended.jobId(), code));
        apply(new Event.JobFinished(ended.jobId(), Outcomes.toEngine(ended.outcome()), now()));
    }

    private void schedule(Command.ScheduleTimer timer) {
        Instant at = timer.kind() == TimerKind.JOB_TIMEOUT ? timer.at().plus(TIMEOUT_BACKSTOP) : timer.at();
        long delay = Math.max(0, Duration.between(now(), at).toMillis());
        timers.add(services.timers().schedule(() -> queue.add(new Apply(
                new Event.TimerFired(timer.jobId(), timer.kind(), later(now(), timer.at())))), delay, TimeUnit.MILLISECONDS));
    }

    private void startChild(Job trigger, Command.StartChildPipeline command) {
        inFlight++;
        Thread.ofVirtual().name("child-of-" + input.id() + "-" + trigger.id()).start(() -> {
            Optional<Event> last = Optional.empty();
            try {
                ChildPipelines.Made made = services.children().make(this, trigger, command.trigger());
                switch (made) {
                    case ChildPipelines.Made.NotMade n -> last = Optional.of(new Event.JobFinished(trigger.id(),
                            new JobOutcome.Failed(FailureReason.DOWNSTREAM_PIPELINE_CREATION_FAILED, Optional.empty()), now()));
                    case ChildPipelines.Made.Created c -> {
                        children.put(trigger.id(), new Child(trigger.name(), c.dispatcher()));
                        queue.add(new Apply(new Event.ChildPipelineCreated(trigger.id(), now())));
                        if (canceledBeforeStart.contains(trigger.id()) || aborted) {
                            c.dispatcher().cancel();
                        }
                        Pipeline end = c.dispatcher().run();
                        last = Optional.of(new Event.ChildPipelineFinished(trigger.id(), end.status(), now()));
                    }
                }
            } catch (RuntimeException e) {
                services.launcher().console().notice("sluice: child pipeline of " + trigger.name() + " failed: " + e);
                last = Optional.of(new Event.JobFinished(trigger.id(),
                        new JobOutcome.Failed(FailureReason.DOWNSTREAM_PIPELINE_CREATION_FAILED, Optional.empty()), now()));
            } finally {
                queue.add(new ChildEnded(trigger.id(), last));
            }
        });
    }

    private void playRequestedManualJobs() {
        for (Job job : pipeline.latestJobs()) {
            if (job.status() == JobStatus.MANUAL && services.manual().contains(job.name()) && played.add(job.id())) {
                apply(new Event.PlayManual(job.id(), now()));
                return; // apply() came back here for the rest
            }
        }
    }

    /** A delayed job waits for its timer; a job waiting for a resource group another pipeline holds, for its release. */
    private boolean waits() {
        return pipeline.latestJobs().stream()
                .anyMatch(j -> j.status() == JobStatus.SCHEDULED || j.status() == JobStatus.WAITING_FOR_RESOURCE);
    }

    String jobLabel(String jobName) {
        return label.isEmpty() ? jobName : label + "/" + jobName;
    }

    RunContext context() {
        return context;
    }

    RunServices services() {
        return services;
    }

    private Instant now() {
        return services.clock().instant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static dev.sluice.executor.JobOutcome canceled() {
        return new dev.sluice.executor.JobOutcome(dev.sluice.executor.JobOutcome.Result.CANCELED, Optional.empty(),
                java.util.OptionalInt.empty(), List.<JobVariable>of(), Duration.ZERO);
    }
}
