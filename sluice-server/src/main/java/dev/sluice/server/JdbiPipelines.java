package dev.sluice.server;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiPipelines implements Pipelines {

    private final Jdbi jdbi;

    JdbiPipelines(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long create(long projectId, String ref, String sha, String status, String errors) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "insert into pipelines (project_id, ref, sha, status, errors) values (?, ?, ?, ?, ?)")
                .bind(0, projectId).bind(1, ref).bind(2, sha).bind(3, status).bind(4, errors)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public void setStatus(long id, String status) {
        jdbi.useHandle(h -> h.createUpdate("update pipelines set status = ?,"
                        + " started_at = case when ? = 'running' then coalesce(started_at, current_timestamp) else started_at end,"
                        + " finished_at = " + JdbiJobs.FINISHED_AT + " where id = ?")
                .bind(0, status).bind(1, status).bind(2, status).bind(3, id).execute());
    }

    @Override
    public void fail(long id, String errors) {
        jdbi.useHandle(h -> h.createUpdate("update pipelines set status = 'failed', errors = ?, finished_at = current_timestamp where id = ?")
                .bind(0, errors).bind(1, id).execute());
    }

    @Override
    public Optional<PipelineRow> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("select id, project_id, ref, sha, status, errors from pipelines where id = ?")
                .bind(0, id)
                .map((rs, ctx) -> new PipelineRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .findOne());
    }
}
