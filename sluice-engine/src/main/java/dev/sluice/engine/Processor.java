package dev.sluice.engine;

import dev.sluice.config.model.When;
import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;

/**
 * Moves created jobs on once their predecessors are complete, as GitLab's atomic pipeline processing
 * and {@code ProcessBuildService} do: allowed → scheduled (delayed), manual, or enqueued; not allowed
 * → skipped. Repeats until nothing changes, so skips cascade within one event.
 */
final class Processor {

    private Processor() {
    }

    static void process(Draft draft) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Job job : draft.latest()) {
                if (job.status() == JobStatus.CREATED && processOne(draft, job)) {
                    changed = true;
                }
            }
        }
        Queue.assignResources(draft);
    }

    /** Returns whether the job left {@code created}. */
    private static boolean processOne(Draft draft, Job job) {
        PipelineStatus previous = Predecessors.statusFor(job, draft.latest());
        if (!previous.isCompleted()) {
            return false;
        }
        if (!WhenRule.allows(job.when(), job.planned().dag(), previous)) {
            draft.put(job.withStatus(JobStatus.SKIPPED));
        } else if (job.enqueueImmediately()) {
            Queue.enqueue(draft, job);
        } else if (job.when() == When.DELAYED) {
            var runAt = draft.now().plus(job.planned().startIn().orElseThrow());
            draft.put(job.scheduled(runAt));
            draft.emit(new Command.ScheduleTimer(job.id(), TimerKind.START_DELAYED, runAt));
        } else if (job.when() == When.MANUAL) {
            draft.put(job.withStatus(JobStatus.MANUAL));
        } else {
            Queue.enqueue(draft, job);
        }
        return true;
    }
}
