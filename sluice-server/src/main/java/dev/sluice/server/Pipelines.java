package dev.sluice.server;

import java.util.Optional;

/** Pipelines as the API shows them; the run state itself lives with the engine. */
interface Pipelines {

    /** @param errors the configuration's diagnostics when it was invalid, else null */
    record PipelineRow(long id, long projectId, String ref, String sha, String status, String errors) {
    }

    void setStatus(long id, String status);

    /** Marks the pipeline failed with the configuration's errors. */
    void fail(long id, String errors);

    Optional<PipelineRow> find(long id);
}
