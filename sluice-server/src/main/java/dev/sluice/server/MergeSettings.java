package dev.sluice.server;

import java.util.ArrayList;
import java.util.List;
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

        /**
         * What makes these settings invalid, in the REST API's field names (the web form labels its fields alike); empty
         * when valid. Both the REST API and the settings page check a change here before saving it.
         */
        List<String> problems() {
            var problems = new ArrayList<String>();
            if (approvalsRequired < 0) {
                problems.add("approvals_before_merge must be a whole number from 0");
            }
            if (approverLevel < ProjectMembers.DEVELOPER || !ProjectMembers.LEVELS.contains(approverLevel)) {
                problems.add("approver_access_level must be developer (30) or above");
            }
            if (!MERGE_METHODS.contains(mergeMethod)) {
                problems.add("merge_method does not have a valid value (merge or ff)");
            }
            return problems;
        }

        /** A count of approvals as typed: -1 (which {@link #problems} refuses) when it is not a whole number. */
        static int count(String text) {
            try {
                return text == null ? -1 : Math.max(-1, Integer.parseInt(text.trim()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    Settings of(long projectId);

    void save(long projectId, Settings settings);
}
