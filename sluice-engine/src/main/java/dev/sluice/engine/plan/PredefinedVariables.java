package dev.sluice.engine.plan;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitLab's predefined variables known when a pipeline is created (usable in {@code rules},
 * {@code workflow} and {@code include}); job-only ones are added when a job starts.
 */
public final class PredefinedVariables {

    private static final java.util.regex.Pattern SERVER_URL = java.util.regex.Pattern.compile("^(\\w+)://([^/:]+)(?::(\\d+))?");

    private PredefinedVariables() {
    }

    /** The pipeline-level predefined variables, in a stable order. */
    public static Map<String, String> pipeline(ProjectInfo project, CommitInfo commit, TriggerContext ctx,
                                               long pipelineId, long pipelineIid, Instant createdAt) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("CI", "true");
        v.put("GITLAB_CI", "true");
        v.put("CI_SERVER", "yes");
        server(v, project.serverUrl());
        v.put("CI_PROJECT_ID", Long.toString(project.id()));
        v.put("CI_PROJECT_NAME", project.name());
        v.put("CI_PROJECT_TITLE", project.name());
        v.put("CI_PROJECT_NAMESPACE", project.namespace());
        v.put("CI_PROJECT_ROOT_NAMESPACE", project.namespace().split("/")[0]);
        v.put("CI_PROJECT_PATH", project.path());
        v.put("CI_PROJECT_PATH_SLUG", Slugs.slug(project.path(), 63));
        v.put("CI_PROJECT_URL", project.url());
        v.put("CI_PROJECT_VISIBILITY", "private");
        v.put("CI_DEFAULT_BRANCH", project.defaultBranch());
        v.put("CI_CONFIG_PATH", ".gitlab-ci.yml");
        v.put("CI_COMMIT_SHA", ctx.sha());
        v.put("CI_COMMIT_SHORT_SHA", ctx.sha().substring(0, Math.min(8, ctx.sha().length())));
        v.put("CI_COMMIT_BEFORE_SHA", ctx.isMergeRequest() ? TriggerContext.NO_SHA : ctx.beforeSha());
        String refName = ctx.mergeRequest().map(TriggerContext.MergeRequest::sourceBranch).orElse(ctx.ref());
        v.put("CI_COMMIT_REF_NAME", refName);
        v.put("CI_COMMIT_REF_SLUG", Slugs.ref(refName));
        v.put("CI_COMMIT_REF_PROTECTED", Boolean.toString(ctx.protectedRef()));
        if (ctx.tag()) {
            v.put("CI_COMMIT_TAG", ctx.ref());
        } else if (!ctx.isMergeRequest()) {
            v.put("CI_COMMIT_BRANCH", ctx.ref());
        }
        v.put("CI_COMMIT_MESSAGE", commit.message());
        v.put("CI_COMMIT_TITLE", commit.title());
        v.put("CI_COMMIT_DESCRIPTION", commit.description());
        v.put("CI_COMMIT_AUTHOR", commit.authorName() + " <" + commit.authorEmail() + ">");
        v.put("CI_COMMIT_TIMESTAMP", commit.timestamp().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        v.put("CI_PIPELINE_SOURCE", ctx.source());
        v.put("CI_PIPELINE_IID", Long.toString(pipelineIid));
        v.put("CI_PIPELINE_CREATED_AT", createdAt.toString());
        v.put("CI_PIPELINE_URL", project.url() + "/-/pipelines/" + pipelineId);
        v.put("CI_PIPELINE_TRIGGERED", Boolean.toString(ctx.source().equals("trigger") || ctx.source().equals("pipeline")));
        ctx.mergeRequest().ifPresent(mr -> mergeRequest(v, project, mr));
        return v;
    }

    private static void server(Map<String, String> v, String serverUrl) {
        var m = SERVER_URL.matcher(serverUrl);
        boolean parsed = m.find();
        String scheme = parsed ? m.group(1) : "http";
        String host = parsed ? m.group(2) : "localhost";
        String explicitPort = parsed ? m.group(3) : null;
        String port = explicitPort != null ? explicitPort : scheme.equals("https") ? "443" : "80";
        v.put("CI_SERVER_URL", serverUrl);
        v.put("CI_SERVER_HOST", host);
        v.put("CI_SERVER_PORT", port);
        v.put("CI_SERVER_PROTOCOL", scheme);
        v.put("CI_SERVER_FQDN", explicitPort == null ? host : host + ":" + port);
        v.put("CI_API_V4_URL", serverUrl + "/api/v4");
        v.put("CI_SERVER_NAME", "Sluice");
    }

    private static void mergeRequest(Map<String, String> v, ProjectInfo project, TriggerContext.MergeRequest mr) {
        v.put("CI_MERGE_REQUEST_ID", Long.toString(mr.id()));
        v.put("CI_MERGE_REQUEST_IID", Long.toString(mr.iid()));
        v.put("CI_MERGE_REQUEST_TITLE", mr.title());
        v.put("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", mr.sourceBranch());
        v.put("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", mr.targetBranch());
        v.put("CI_MERGE_REQUEST_DIFF_BASE_SHA", mr.diffBaseSha());
        v.put("CI_MERGE_REQUEST_EVENT_TYPE", "detached");
        v.put("CI_MERGE_REQUEST_LABELS", String.join(",", mr.labels()));
        v.put("CI_MERGE_REQUEST_PROJECT_ID", Long.toString(project.id()));
        v.put("CI_MERGE_REQUEST_PROJECT_PATH", project.path());
        v.put("CI_MERGE_REQUEST_PROJECT_URL", project.url());
        v.put("CI_MERGE_REQUEST_REF_PATH", "refs/merge-requests/" + mr.iid() + "/head");
        v.put("CI_MERGE_REQUEST_SOURCE_PROJECT_ID", Long.toString(project.id()));
        v.put("CI_MERGE_REQUEST_SOURCE_PROJECT_PATH", project.path());
        v.put("CI_MERGE_REQUEST_SOURCE_PROJECT_URL", project.url());
    }
}
