package dev.sluice.engine.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why and for what a pipeline is created: the ref (a branch or a tag), its commit and the previous
 * tip, the source ({@code push}, {@code web}, {@code api}, {@code schedule}, {@code trigger},
 * {@code merge_request_event}, {@code parent_pipeline}, ...), the changed paths when known, and the
 * pipeline variables given by whoever created it.
 *
 * @param changedPaths empty when the change set is unknown (new branch, tag, web, API...): then
 *                     {@code rules:changes} is always true, as in GitLab
 */
public record TriggerContext(String ref, boolean tag, String sha, String beforeSha, String source,
                             Optional<List<String>> changedPaths, Map<String, String> variables,
                             boolean protectedRef, Optional<MergeRequest> mergeRequest) {

    public static final String NO_SHA = "0000000000000000000000000000000000000000";

    /** The merge request a {@code merge_request_event} pipeline runs for. */
    public record MergeRequest(long id, long iid, String title, String sourceBranch, String targetBranch,
                               String diffBaseSha, List<String> labels) {
        public MergeRequest {
            labels = List.copyOf(labels);
        }
    }

    public TriggerContext {
        variables = Map.copyOf(variables);
        changedPaths = changedPaths.map(List::copyOf);
    }

    public static TriggerContext push(String branch, String sha, String beforeSha, List<String> changed) {
        boolean known = !beforeSha.equals(NO_SHA);
        return new TriggerContext(branch, false, sha, beforeSha, "push", known ? Optional.of(changed) : Optional.empty(),
                Map.of(), false, Optional.empty());
    }

    public TriggerContext withSource(String newSource) {
        return new TriggerContext(ref, tag, sha, beforeSha, newSource, changedPaths, variables, protectedRef, mergeRequest);
    }

    public TriggerContext withVariables(Map<String, String> pipelineVariables) {
        return new TriggerContext(ref, tag, sha, beforeSha, source, changedPaths, pipelineVariables, protectedRef, mergeRequest);
    }

    public boolean isMergeRequest() {
        return mergeRequest.isPresent();
    }
}
