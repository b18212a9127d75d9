package dev.sluice.server;

import java.util.Set;

/** A project's merge-request rules: approvals, the merge method and which pipelines a push to a branch runs. */
interface MergeSettings {

    /**
     * @param approverLevel           the least access level whose approval counts (GitLab: developers)
     * @param resetApprovalsOnPush    approvals count only for the commit approved
     * @param mergeMethod             {@code merge} (a merge commit) or {@code ff} (fast-forward only)
     * @param avoidDuplicatePipelines a push to the source branch of an open merge request runs only its merge-request
     *                                pipeline when the configuration has merge-request jobs
     */
    record Settings(int approvalsRequired, int approverLevel, boolean resetApprovalsOnPush, String mergeMethod,
                    boolean avoidDuplicatePipelines) {

        static final Settings DEFAULTS = new Settings(0, ProjectMembers.DEVELOPER, true, "merge", false);
        static final Set<String> MERGE_METHODS = Set.of("merge", "ff");
    }

    Settings of(long projectId);

    void save(long projectId, Settings settings);
}
