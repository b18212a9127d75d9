package dev.sluice.engine;

import dev.sluice.config.model.When;
import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves created jobs on once their predecessors are complete, as GitLab's atomic pipeline processing
 * and {@code ProcessBuildService} do: allowed → scheduled (delayed), manual, or enqueued; not allowed
 * → skipped. Repeats until nothing changes, so skips cascade within one event.
 */
final class Processor {

    private Processor() {
    }

    /**
     * A pass takes the jobs by stage, and processing a job changes only that job, so the composite of the
     * stages before the current one is built as the pass goes: a stage-ordered job's predecessors cost nothing
     * to compute, and an event costs time linear in the pipeline's size, not quadratic.
     */
    static void process(Draft draft) {
        boolean changed = true;
        while (changed) {
            changed = false;
            CompositeStatus earlierStages = CompositeStatus.of(List.of(), false);
            List<CompositeStatus.Member> stage = new ArrayList<>();
            int stageIndex = Integer.MIN_VALUE;
            for (Job job : draft.latest()) {
                if (job.stageIndex() != stageIndex) {
                    earlierStages = earlierStages.plus(stage);
                    stage.clear();
                    stageIndex = job.stageIndex();
                }
                Job processed = job;
                if (job.status() == JobStatus.CREATED) {
                    PipelineStatus previous = job.planned().dag() ? Predecessors.statusFor(job, draft.latest())
                            : earlierStages.status().orElse(PipelineStatus.SUCCESS);
                    if (processOne(draft, job, previous)) {
                        changed = true;
                        processed = draft.job(job.id()).orElseThrow();
                    }
                }
                stage.add(CompositeStatus.Member.of(processed));
            }
        }
        Queue.assignResources(draft);
    }

    /** Returns whether the job left {@code created}, given the status of what it waits on. */
    private static boolean processOne(Draft draft, Job job, PipelineStatus previous) {
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
