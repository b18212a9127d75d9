package dev.sluice.server;

import dev.sluice.engine.plan.TriggerContext;

/**
 * Which older pipeline a new one makes redundant, as GitLab's "auto-cancel redundant pipelines": one of the same
 * project and ref, created before it, for another commit. Child pipelines go with their parent, never on their
 * own. What may then be canceled is the older pipeline's own {@code workflow:auto_cancel:on_new_commit}.
 */
final class RedundantPipelines {

    private RedundantPipelines() {
    }

    static boolean madeRedundant(Pipelines.PipelineRow older, TriggerContext olderTrigger, Pipelines.PipelineRow newer) {
        return older.projectId() == newer.projectId()
                && older.id() < newer.id()
                && older.ref().equals(newer.ref())
                && !older.sha().equals(newer.sha())
                && !olderTrigger.source().equals("parent_pipeline");
    }
}
