package dev.sluice.engine;

import dev.sluice.config.model.Trigger;
import dev.sluice.model.PipelineStatus;
import java.time.Instant;

/** Something the caller must do because of a transition. The engine does no I/O itself. */
public sealed interface Command {

    /** Queue the job for a runner (it is pending). */
    record StartJob(long jobId) implements Command {
    }

    /** Stop the job if it runs or is queued (for a trigger job: cancel its downstream pipeline). */
    record CancelJob(long jobId) implements Command {
    }

    /** Send {@link Event.TimerFired} at {@code at}. */
    record ScheduleTimer(long jobId, TimerKind kind, Instant at) implements Command {
    }

    /** Create the downstream pipeline of a trigger job; answer with {@link Event.ChildPipelineCreated}. */
    record StartChildPipeline(long jobId, Trigger trigger) implements Command {
    }

    /** The job now holds its resource group (for coordination across pipelines). */
    record AcquireResource(String group, long jobId) implements Command {
    }

    /** The job no longer holds its resource group. */
    record ReleaseResource(String group, long jobId) implements Command {
    }

    /** The pipeline reached a completed status (again, after a retry). */
    record PipelineFinished(PipelineStatus status, boolean warnings) implements Command {
    }
}
