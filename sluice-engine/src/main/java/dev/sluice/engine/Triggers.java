package dev.sluice.engine;

import dev.sluice.model.FailureReason;
import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.util.Optional;

/**
 * Trigger jobs. Without {@code strategy} the trigger job succeeds once the downstream pipeline is
 * created; with {@code strategy: depend} (or {@code mirror}) it runs until the downstream pipeline
 * completes and takes its result (GitLab's {@code inherit_status_from_downstream!}: success →
 * success, canceled → canceled, failed or skipped → failed; anything else, e.g. blocked, waits).
 */
final class Triggers {

    private Triggers() {
    }

    static Optional<String> created(Draft draft, Job job) {
        if (!job.isTrigger() || job.status() != JobStatus.PENDING) {
            return Optional.of("job " + job.name() + " is not a pending trigger job");
        }
        Job running = job.started(draft.now());
        if (mirrorsDownstream(job)) {
            draft.put(running);
        } else {
            draft.put(running.finished(JobStatus.SUCCESS, Optional.empty(), Optional.empty(), draft.now()));
        }
        return Optional.empty();
    }

    static Optional<String> finished(Draft draft, Job job, PipelineStatus downstream) {
        if (!job.isTrigger() || !mirrorsDownstream(job) || job.status() != JobStatus.RUNNING) {
            return Optional.of("job " + job.name() + " does not wait for its downstream pipeline");
        }
        switch (downstream) {
            case SUCCESS -> draft.put(job.finished(JobStatus.SUCCESS, Optional.empty(), Optional.empty(), draft.now()));
            case CANCELED -> draft.put(job.finished(JobStatus.CANCELED, Optional.empty(), Optional.empty(), draft.now()));
            case FAILED, SKIPPED -> JobRuns.fail(draft, job, FailureReason.UNKNOWN_FAILURE, Optional.empty());
            default -> {
                return Optional.of("downstream pipeline is " + downstream.yaml() + ", not finished");
            }
        }
        return Optional.empty();
    }

    private static boolean mirrorsDownstream(Job job) {
        return job.planned().definition().trigger().flatMap(t -> t.strategy())
                .filter(s -> s.equals("depend") || s.equals("mirror")).isPresent();
    }
}
