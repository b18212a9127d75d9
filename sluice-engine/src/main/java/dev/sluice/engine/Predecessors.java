package dev.sluice.engine;

import dev.sluice.config.model.Need;
import dev.sluice.config.model.ParallelInstance;
import dev.sluice.model.PipelineStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** A need names a job, or every instance of a parallel job, or the instances a matrix selects. */
    private static boolean matches(Job candidate, Need need) {
        if (candidate.name().equals(need.job())) {
            return true;
        }
        Optional<ParallelInstance> parallel = candidate.planned().definition().parallel();
        if (parallel.isEmpty() || !parallel.get().baseName().equals(need.job())) {
            return false;
        }
        return need.matrix().isEmpty() || need.matrix().stream().anyMatch(m -> selects(m, parallel.get()));
    }

    private static boolean selects(Map<String, List<String>> selection, ParallelInstance instance) {
        return selection.entrySet().stream().allMatch(e -> e.getValue().contains(
                instance.matrixValues().getOrDefault(e.getKey(), "\0")));
    }
}
