package dev.sluice.engine;

import dev.sluice.model.FailureReason;
import dev.sluice.model.JobStatus;
import java.time.Duration;
import java.util.Optional;

/** What runners report about jobs: started, finished, and the job timeout. */
final class JobRuns {

    private JobRuns() {
    }

    static Optional<String> started(Draft draft, Job job) {
        if (job.status() != JobStatus.PENDING || job.isTrigger()) {
            return Optional.of("job " + job.name() + " is " + job.status().yaml() + ", not pending");
        }
        draft.put(job.started(draft.now()));
        Optional<Duration> timeout = job.planned().definition().timeout().or(() -> draft.base().settings().projectTimeout());
        timeout.ifPresent(t -> draft.emit(
                new Command.ScheduleTimer(job.id(), TimerKind.JOB_TIMEOUT, draft.now().plus(t))));
        return Optional.empty();
    }

    /** A job ends only once: a report for a job already finished (timed out, canceled) is ignored. */
    static Optional<String> finished(Draft draft, Job job, JobOutcome outcome) {
        if (job.status() != JobStatus.RUNNING && job.status() != JobStatus.PENDING) {
            return Optional.of("job " + job.name() + " is " + job.status().yaml() + ", not running");
        }
        switch (outcome) {
            case JobOutcome.Success s ->
                    draft.put(job.finished(JobStatus.SUCCESS, Optional.empty(), Optional.empty(), draft.now()));
            case JobOutcome.Canceled c ->
                    draft.put(job.finished(JobStatus.CANCELED, Optional.empty(), Optional.empty(), draft.now()));
            case JobOutcome.Failed f -> fail(draft, job, f.reason(), f.exitCode());
        }
        return Optional.empty();
    }

    /** The job ran past its timeout: it fails with {@code job_execution_timeout} and is stopped. */
    static Optional<String> timedOut(Draft draft, Job job) {
        if (job.status() != JobStatus.RUNNING || job.isTrigger()) {
            return Optional.of("job " + job.name() + " is " + job.status().yaml() + ", not running");
        }
        draft.emit(new Command.CancelJob(job.id()));
        fail(draft, job, FailureReason.JOB_EXECUTION_TIMEOUT, Optional.empty());
        return Optional.empty();
    }

    /** A delayed job's time has come: it is queued like any other. */
    static Optional<String> delayedDue(Draft draft, Job job) {
        if (job.status() != JobStatus.SCHEDULED) {
            return Optional.of("job " + job.name() + " is " + job.status().yaml() + ", not scheduled");
        }
        if (job.scheduledAt().map(draft.now()::isBefore).orElse(false)) {
            return Optional.of("job " + job.name() + " is scheduled for " + job.scheduledAt().get());
        }
        Queue.enqueue(draft, job);
        return Optional.empty();
    }

    static void fail(Draft draft, Job job, FailureReason reason, Optional<Integer> exitCode) {
        Job failed = job.finished(JobStatus.FAILED, Optional.of(reason), exitCode, draft.now());
        draft.put(failed);
        if (AutoRetry.allowed(failed, draft.base().jobs())) {
            Retrying.retry(draft, failed);
        } else if (draft.base().settings().cancelOnJobFailure() && !failed.allowedToFail()) {
            Actions.cancelPipeline(draft); // workflow:auto_cancel:on_job_failure: all
        }
    }
}
