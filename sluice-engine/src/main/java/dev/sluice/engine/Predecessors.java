package dev.sluice.engine;

import dev.sluice.config.model.Need;
import dev.sluice.model.PipelineStatus;
import java.util.List;

/**
 * The status a created job waits on (GitLab's {@code AtomicProcessingService#processable_status}):
 * for a DAG job the composite of its needs in DAG mode, otherwise the composite of every job in the
 * earlier stages. No predecessors at all counts as success.
 */
final class Predecessors {

    private Predecessors() {
    }

    static PipelineStatus statusFor(Job job, List<Job> latest) {
        List<Job> previous = job.needs()
                .map(needs -> latest.stream().filter(j -> neededBy(j, needs)).toList())
                .orElseGet(() -> latest.stream().filter(j -> j.stageIndex() < job.stageIndex()).toList());
        return CompositeStatus.of(Pipeline.members(previous.stream()), job.planned().dag()).status()
                .orElse(PipelineStatus.SUCCESS);
    }

    /** Jobs a DAG job depends on, and through them the whole chain (used to reset skipped jobs). */
    static boolean neededBy(Job candidate, List<Need> needs) {
        return needs.stream().filter(Need::isLocal).anyMatch(n -> matches(candidate, n));
    }

    private static boolean matches(Job candidate, Need need) {
        return need.names(candidate.planned().definition());
    }
}
