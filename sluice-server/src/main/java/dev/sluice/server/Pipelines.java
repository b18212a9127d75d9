package dev.sluice.server;

import java.util.List;
import java.util.Optional;

/** Pipelines as the API shows them; the run state itself lives with the engine. */
interface Pipelines {

    /**
     * @param errors the configuration's diagnostics when it was invalid, else null
     * @param source what started it, GitLab's words: push, web, api, merge_request_event, trigger, schedule...
     */
    record PipelineRow(long id, long projectId, String ref, String sha, String status, String errors, String source) {
    }

    void setStatus(long id, String status);

    /** Records who started the pipeline (the web UI shows it as "triggered by"). */
    void setUser(long id, long userId);

    /** Marks the pipeline failed with the configuration's errors. */
    void fail(long id, String errors);

    Optional<PipelineRow> find(long id);

    /** GitLab's list filters; a null field does not filter. */
    record Filter(String ref, String status, String sha, String source) {

        Filter(String ref, String status, String sha) {
            this(ref, status, sha, null);
        }
    }

    /** The project's pipelines matching {@code filter}, newest first. */
    List<PipelineRow> ofProject(long projectId, Filter filter, long offset, int limit);

    long count(long projectId, Filter filter);
}
