package dev.sluice.server;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

final class JdbiPipelines implements Pipelines {

    private final Jdbi jdbi;

    JdbiPipelines(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void setUser(long id, long userId) {
        jdbi.useHandle(h -> h.createUpdate("update pipelines set user_id = ? where id = ?").bind(0, userId).bind(1, id).execute());
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
        return jdbi.withHandle(h -> h.createQuery("select id, project_id, ref, sha, status, errors, source from pipelines where id = ?")
                .bind(0, id)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    @Override
    public List<PipelineRow> ofProject(long projectId, Filter filter, long offset, int limit) {
        return jdbi.withHandle(h -> bind(h.createQuery("select id, project_id, ref, sha, status, errors, source from pipelines"
                        + FILTER + " order by id desc offset :offset rows fetch next :limit rows only"), projectId, filter)
                .bind("offset", offset).bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public long count(long projectId, Filter filter) {
        return jdbi.withHandle(h -> bind(h.createQuery("select count(*) from pipelines" + FILTER), projectId, filter)
                .mapTo(Long.class).one());
    }

    private static final String FILTER = " where project_id = :project and (:ref is null or ref = :ref)"
            + " and (:status is null or status = :status) and (:sha is null or sha = :sha) and (:source is null or source = :source)";

    private static Query bind(Query q, long projectId, Filter f) {
        return q.bind("project", projectId).bindByType("ref", f.ref(), String.class).bindByType("status", f.status(), String.class)
                .bindByType("sha", f.sha(), String.class).bindByType("source", f.source(), String.class);
    }

    private static PipelineRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PipelineRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7));
    }
}
