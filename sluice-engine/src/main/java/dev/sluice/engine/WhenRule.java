package dev.sluice.engine;

import dev.sluice.config.model.When;
import dev.sluice.model.PipelineStatus;
import java.util.Set;

/**
 * GitLab's {@code ProcessBuildService#valid_statuses_for_build}: which status of its predecessors
 * lets a job with a given {@code when} run. Any other completed status skips the job.
 */
final class WhenRule {

    private WhenRule() {
    }

    static boolean allows(When when, boolean dag, PipelineStatus previous) {
        return allowed(when, dag).contains(previous);
    }

    private static Set<PipelineStatus> allowed(When when, boolean dag) {
        return switch (when) {
            // A DAG job needs exact success: a skipped or unplayed optional manual need skips it.
            case ON_SUCCESS, MANUAL, DELAYED -> dag
                    ? Set.of(PipelineStatus.SUCCESS)
                    : Set.of(PipelineStatus.SUCCESS, PipelineStatus.SKIPPED);
            case ON_FAILURE -> Set.of(PipelineStatus.FAILED);
            // Not canceled: after a canceled predecessor even `when: always` is skipped.
            case ALWAYS -> Set.of(PipelineStatus.SUCCESS, PipelineStatus.FAILED, PipelineStatus.SKIPPED);
            case NEVER -> Set.of();
        };
    }
}
