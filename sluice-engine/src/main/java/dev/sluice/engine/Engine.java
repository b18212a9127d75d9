package dev.sluice.engine;

import dev.sluice.model.PipelineStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pipeline state machine: {@code (Pipeline, Event) -> (Pipeline', Commands)}, reproducing GitLab's
 * pipeline processing. Pure: no I/O, no threads, no clock (time comes with the events). Events that
 * do not apply (a late timer, a second finish report) change nothing and say why in
 * {@link Transition#ignored()}.
 */
public final class Engine {

    private final ResourceGroups resourceGroups;

    public Engine(ResourceGroups resourceGroups) {
        this.resourceGroups = resourceGroups;
    }

    /** An engine for a single pipeline on its own ({@code sluice run}). */
    public Engine() {
        this(ResourceGroups.LOCAL);
    }

    /** Creates the pipeline's jobs (ids 1..n in input order) and processes them once. */
    public Transition start(PipelineInput input) {
        List<Job> jobs = new ArrayList<>();
        long id = 1;
        for (PlannedJob planned : input.jobs()) {
            jobs.add(Job.created(id++, input.stages().indexOf(planned.definition().stage()), planned));
        }
        Pipeline created = new Pipeline(input.id(), input.iid(), input.stages(), jobs, PipelineStatus.CREATED,
                false, input.createdAt(), Optional.empty(), Optional.empty(), input.settings());
        Draft draft = new Draft(created, input.createdAt(), resourceGroups);
        Processor.process(draft);
        return draft.toTransition();
    }

    public Transition apply(Pipeline pipeline, Event event) {
        Draft draft = new Draft(pipeline, event.at(), resourceGroups);
        Optional<String> ignored = switch (event) {
            case Event.JobStarted e -> onJob(draft, e.jobId(), job -> JobRuns.started(draft, job));
            case Event.JobFinished e -> onJob(draft, e.jobId(), job -> JobRuns.finished(draft, job, e.outcome()));
            case Event.PlayManual e -> onJob(draft, e.jobId(), job -> Actions.play(draft, job));
            case Event.Unschedule e -> onJob(draft, e.jobId(), job -> Actions.unschedule(draft, job));
            case Event.CancelPipeline e -> Actions.cancelPipeline(draft);
            case Event.CancelJob e -> onJob(draft, e.jobId(), job -> Actions.cancelJob(draft, job));
            case Event.RetryJob e -> onJob(draft, e.jobId(), job -> Actions.retry(draft, job));
            case Event.TimerFired e -> onJob(draft, e.jobId(), job -> switch (e.kind()) {
                case START_DELAYED -> JobRuns.delayedDue(draft, job);
                case JOB_TIMEOUT -> JobRuns.timedOut(draft, job);
            });
            case Event.ResourceFreed e -> Optional.empty(); // processing below hands the group out
            case Event.ChildPipelineCreated e -> onJob(draft, e.jobId(), job -> Triggers.created(draft, job));
            case Event.ChildPipelineFinished e ->
                    onJob(draft, e.jobId(), job -> Triggers.finished(draft, job, e.status()));
        };
        if (ignored.isPresent()) {
            return Transition.ignored(pipeline, ignored.get());
        }
        Processor.process(draft);
        return draft.toTransition();
    }

    private static Optional<String> onJob(Draft draft, long jobId,
                                          Function<Job, Optional<String>> action) {
        return draft.job(jobId).map(action).orElseGet(() -> Optional.of("no job " + jobId));
    }
}
