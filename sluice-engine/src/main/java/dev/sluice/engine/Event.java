package dev.sluice.engine;

import dev.sluice.model.PipelineStatus;
import java.time.Instant;

/**
 * Something that happened to a pipeline. Every event carries its time: the engine has no clock.
 * Job ids are the ids the engine gave ({@link Job#id()}).
 */
public sealed interface Event {

    Instant at();

    /** A runner (or the local dispatcher) took a pending job and began running it. */
    record JobStarted(long jobId, Instant at) implements Event {
    }

    record JobFinished(long jobId, JobOutcome outcome, Instant at) implements Event {
    }

    /** A person played a manual job, or ran a scheduled (delayed) job now. */
    record PlayManual(long jobId, Instant at) implements Event {
    }

    /** "Unschedule" on a delayed job: it becomes a manual job. */
    record Unschedule(long jobId, Instant at) implements Event {
    }

    record CancelPipeline(Instant at) implements Event {
    }

    record CancelJob(long jobId, Instant at) implements Event {
    }

    /** A person retried a finished job: a new attempt replaces it. */
    record RetryJob(long jobId, Instant at) implements Event {
    }

    /** A {@link Command.ScheduleTimer} fell due. Timers that no longer apply are ignored. */
    record TimerFired(long jobId, TimerKind kind, Instant at) implements Event {
    }

    /** A resource group was released elsewhere (another pipeline): waiting jobs may take it. */
    record ResourceFreed(String group, Instant at) implements Event {
    }

    /** The downstream pipeline of a trigger job was created. */
    record ChildPipelineCreated(long jobId, Instant at) implements Event {
    }

    /** The downstream pipeline of a trigger job reached {@code status}. */
    record ChildPipelineFinished(long jobId, PipelineStatus status, Instant at) implements Event {
    }
}
