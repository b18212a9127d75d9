package dev.sluice.engine;

import dev.sluice.config.model.When;
import dev.sluice.model.JobStatus;
import java.util.Optional;

/** What people do to a pipeline: play, unschedule, cancel, retry. */
final class Actions {

    private Actions() {
    }

    /** Plays a manual job, runs a delayed job now, or (GitLab's play on a finished manual job) retries it. */
    static Optional<String> play(Draft draft, Job job) {
        if (job.status() == JobStatus.MANUAL || job.status() == JobStatus.SCHEDULED) {
            Queue.enqueue(draft, job.played());
            // GitLab's PlayBuildService: jobs skipped because of this one are decided again
            Retrying.resetSkippedDependents(draft, job);
            return Optional.empty();
        }
        if (job.when() == When.MANUAL && Retrying.retryable(job)) {
            return retry(draft, job);
        }
        return Optional.of("job " + job.name() + " is " + job.status().yaml() + ", not manual");
    }

    static Optional<String> unschedule(Draft draft, Job job) {
        if (job.status() != JobStatus.SCHEDULED) {
            return Optional.of("job " + job.name() + " is " + job.status().yaml() + ", not scheduled");
        }
        draft.put(job.withStatus(JobStatus.MANUAL));
        return Optional.empty();
    }

    static Optional<String> retry(Draft draft, Job job) {
        if (!Retrying.retryable(job)) {
            return Optional.of("job " + job.name() + " is " + job.status().yaml() + ", not retryable");
        }
        Retrying.retry(draft, job);
        return Optional.empty();
    }

    static Optional<String> cancelJob(Draft draft, Job job) {
        if (job.retried() || !job.status().isCancelable()) {
            return Optional.of("job " + job.name() + " is " + job.status().yaml() + ", not cancelable");
        }
        cancel(draft, job);
        return Optional.empty();
    }

    /**
     * Cancels every cancelable job (GitLab's {@code CANCELABLE_STATUSES}: created, waiting_for_resource,
     * preparing, pending, running, scheduled). Manual jobs are not cancelable and stay manual.
     */
    static Optional<String> cancelPipeline(Draft draft) {
        var cancelable = draft.latest().stream().filter(j -> j.status().isCancelable()).toList();
        if (cancelable.isEmpty()) {
            return Optional.of("nothing to cancel");
        }
        cancelable.forEach(job -> cancel(draft, job));
        return Optional.empty();
    }

    private static void cancel(Draft draft, Job job) {
        if (job.status() == JobStatus.PENDING || job.status() == JobStatus.RUNNING) {
            draft.emit(new Command.CancelJob(job.id()));
        }
        draft.put(job.finished(JobStatus.CANCELED, Optional.empty(), Optional.empty(), draft.now()));
    }
}
