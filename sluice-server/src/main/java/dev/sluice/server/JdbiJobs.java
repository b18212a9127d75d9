package dev.sluice.server;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

final class JdbiJobs implements Jobs {

    private static final String COLUMNS =
            "id, pipeline_id, engine_job_id, name, stage, status, runner_id, token_hash, failure_reason, exit_code";
    /** Set once when the status given as the next parameter is final, cleared otherwise. */
    static final String FINISHED_AT = "case when ? in ('success', 'failed', 'canceled', 'skipped')"
            + " then coalesce(finished_at, current_timestamp) else null end";
    private final Jdbi jdbi;

    JdbiJobs(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long ensure(long pipelineId, long engineJobId, String name, String stage, String status) {
        return jdbi.inTransaction(h -> h.createQuery("select id from jobs where pipeline_id = ? and engine_job_id = ?")
                .bind(0, pipelineId).bind(1, engineJobId).mapTo(Long.class).findOne()
                .orElseGet(() -> h.createUpdate(
                                "insert into jobs (pipeline_id, engine_job_id, name, stage, status) values (?, ?, ?, ?, ?)")
                        .bind(0, pipelineId).bind(1, engineJobId).bind(2, name).bind(3, stage).bind(4, status)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    @Override
    public void setStatus(long id, String status) {
        jdbi.useHandle(h -> h.createUpdate("update jobs set status = ?, finished_at = " + FINISHED_AT + " where id = ?")
                .bind(0, status).bind(1, status).bind(2, id).execute());
    }

    @Override
    public void settle(long id, String status) {
        jdbi.useHandle(h -> h.createUpdate("update jobs set status = ?, finished_at = " + FINISHED_AT
                        + " where id = ? and status <> ? and status not in ('running', 'canceling')")
                .bind(0, status).bind(1, status).bind(2, id).bind(3, status).execute());
    }

    @Override
    public boolean assign(long id, long runnerId, String tokenHash) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "update jobs set status = 'running', runner_id = ?, token_hash = ?, started_at = current_timestamp"
                                + " where id = ? and status = 'pending'")
                .bind(0, runnerId).bind(1, tokenHash).bind(2, id).execute()) == 1;
    }

    @Override
    public boolean finish(long id, String status, String failureReason, Integer exitCode) {
        return jdbi.withHandle(h -> h.createUpdate("update jobs set status = ?, failure_reason = ?, exit_code = ?,"
                        + " finished_at = current_timestamp where id = ? and status in ('running', 'canceling')")
                .bind(0, status).bind(1, failureReason).bind(2, exitCode).bind(3, id).execute()) == 1;
    }

    @Override
    public Optional<JobRow> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from jobs where id = ?").bind(0, id)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public List<JobRow> ofPipeline(long pipelineId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from jobs where pipeline_id = ? order by id")
                .bind(0, pipelineId).map((rs, ctx) -> row(rs)).list());
    }

    /** How many jobs have this status (for the metrics). */
    long count(String status) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from jobs where status = ?").bind(0, status)
                .mapTo(Long.class).one());
    }

    @Override
    public List<JobRow> ofProject(long projectId, List<String> statuses, long offset, int limit) {
        return page(OF_PROJECT, projectId, statuses, offset, limit);
    }

    @Override
    public long countOfProject(long projectId, List<String> statuses) {
        return count(OF_PROJECT, projectId, statuses);
    }

    @Override
    public List<JobRow> ofRunner(long runnerId, List<String> statuses, long offset, int limit) {
        return page(OF_RUNNER, runnerId, statuses, offset, limit);
    }

    @Override
    public long countOfRunner(long runnerId, List<String> statuses) {
        return count(OF_RUNNER, runnerId, statuses);
    }

    private static final String OF_PROJECT = "pipeline_id in (select id from pipelines where project_id = :owner)";
    private static final String OF_RUNNER = "runner_id = :owner";

    private List<JobRow> page(String owner, long ownerId, List<String> statuses, long offset, int limit) {
        return jdbi.withHandle(h -> filtered(h.createQuery("select " + COLUMNS + " from jobs where " + owner + statusFilter(statuses)
                        + " order by id desc offset :offset rows fetch next :limit rows only"), ownerId, statuses)
                .bind("offset", offset).bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    private long count(String owner, long ownerId, List<String> statuses) {
        return jdbi.withHandle(h -> filtered(h.createQuery("select count(*) from jobs where " + owner + statusFilter(statuses)),
                ownerId, statuses).mapTo(Long.class).one());
    }

    private static Query filtered(Query query, long ownerId, List<String> statuses) {
        query.bind("owner", ownerId);
        return statuses.isEmpty() ? query : query.bindList("statuses", statuses);
    }

    private static String statusFilter(List<String> statuses) {
        return statuses.isEmpty() ? "" : " and status in (<statuses>)";
    }

    private static JobRow row(ResultSet rs) throws SQLException {
        long runner = rs.getLong(7);
        Long runnerId = rs.wasNull() ? null : runner;
        int exit = rs.getInt(10);
        Integer exitCode = rs.wasNull() ? null : exit;
        return new JobRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                runnerId, rs.getString(8), rs.getString(9), exitCode);
    }
}
