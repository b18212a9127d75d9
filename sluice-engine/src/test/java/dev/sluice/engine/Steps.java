package dev.sluice.engine;

import dev.sluice.model.FailureReason;
import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The steps stories are told with; each names jobs, and the story supplies ids and the time. */
final class Steps {

    private Steps() {
    }

    static Story.Step started(String job) {
        return s -> List.of(new Event.JobStarted(s.id(job), s.now()));
    }

    static Story.Step succeeded(String job) {
        return finished(job, JobOutcome.success());
    }

    static Story.Step failed(String job) {
        return finished(job, JobOutcome.scriptFailure(1));
    }

    static Story.Step failed(String job, int exitCode) {
        return finished(job, JobOutcome.scriptFailure(exitCode));
    }

    static Story.Step failedWith(String job, FailureReason reason) {
        return finished(job, JobOutcome.failed(reason));
    }

    static Story.Step canceledByRunner(String job) {
        return finished(job, JobOutcome.canceled());
    }

    /** Starts the job first when it is still pending, as a runner would. */
    static Story.Step finished(String job, JobOutcome outcome) {
        return s -> {
            List<Event> events = new ArrayList<>();
            if (s.latest(job).status() == JobStatus.PENDING) {
                events.add(new Event.JobStarted(s.id(job), s.now()));
            }
            events.add(new Event.JobFinished(s.id(job), outcome, s.now()));
            return events;
        };
    }

    /** Reports a finish for this exact job id (a late report for an old attempt). */
    static Story.Step finishedById(long jobId, JobOutcome outcome) {
        return s -> List.of(new Event.JobFinished(jobId, outcome, s.now()));
    }

    static Story.Step play(String job) {
        return s -> List.of(new Event.PlayManual(s.id(job), s.now()));
    }

    static Story.Step unschedule(String job) {
        return s -> List.of(new Event.Unschedule(s.id(job), s.now()));
    }

    static Story.Step cancelPipeline() {
        return s -> List.of(new Event.CancelPipeline(s.now()));
    }

    static Story.Step cancelJob(String job) {
        return s -> List.of(new Event.CancelJob(s.id(job), s.now()));
    }

    static Story.Step retry(String job) {
        return s -> List.of(new Event.RetryJob(s.id(job), s.now()));
    }

    static Story.Step timerFired(String job, TimerKind kind) {
        return s -> List.of(new Event.TimerFired(s.id(job), kind, s.now()));
    }

    static Story.Step resourceFreed(String group) {
        return s -> List.of(new Event.ResourceFreed(group, s.now()));
    }

    static Story.Step childCreated(String job) {
        return s -> List.of(new Event.ChildPipelineCreated(s.id(job), s.now()));
    }

    static Story.Step childFinished(String job, PipelineStatus status) {
        return s -> List.of(new Event.ChildPipelineFinished(s.id(job), status, s.now()));
    }

    static Story.Step after(Duration duration) {
        return s -> {
            s.advance(duration);
            return List.of();
        };
    }
}
