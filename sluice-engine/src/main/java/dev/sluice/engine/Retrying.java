package dev.sluice.engine;

import dev.sluice.model.JobStatus;
import java.util.List;

/**
 * Retrying a finished job (GitLab's {@code RetryJobService}): the old attempt is marked retried, a
 * new created attempt replaces it, and skipped jobs that depend on it (later stages, and DAG
 * descendants) go back to created so processing decides them again ({@code ResetSkippedJobsService}).
 */
final class Retrying {

    private Retrying() {
    }

    static boolean retryable(Job job) {
        return !job.retried() && (job.status() == JobStatus.SUCCESS || job.status() == JobStatus.FAILED
                || job.status() == JobStatus.CANCELED);
    }

    static void retry(Draft draft, Job job) {
        Job next = job.nextAttempt(draft.nextId());
        draft.put(job.markRetried());
        draft.add(next);
        resetSkippedDependents(draft, job);
    }

    /** {@code ResetSkippedJobsService}: skipped jobs of later stages, and DAG descendants, go back to created. */
    static void resetSkippedDependents(Draft draft, Job retried) {
        List<Job> latest = draft.latest();
        for (Job job : latest) {
            if (job.status() == JobStatus.SKIPPED
                    && (job.stageIndex() > retried.stageIndex() || dependsOn(job, retried, latest))) {
                draft.put(job.withStatus(JobStatus.CREATED));
            }
        }
    }

    private static boolean dependsOn(Job job, Job ancestor, List<Job> latest) {
        if (job.needs().isEmpty()) {
            return false;
        }
        for (Job needed : latest) {
            if (Predecessors.neededBy(needed, job.needs().get())
                    && (needed.name().equals(ancestor.name()) || dependsOn(needed, ancestor, latest))) {
                return true;
            }
        }
        return false;
    }
}
