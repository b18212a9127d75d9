package dev.sluice.server.web;

import dev.sluice.server.web.Views.JobView;
import dev.sluice.server.web.Views.PipelineView;
import dev.sluice.server.web.Views.ProjectView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The web UI's queries: one statement per page section, lists paginated in SQL (no N+1). */
final class WebReads {

    /** A page of a list and whether another follows. */
    record Page<T>(List<T> items, boolean more) {
    }

    private static final String PIPELINE = "id, project_id, ref, sha, status, errors, created_at, started_at, finished_at,"
            + " (select username from users u where u.id = pipelines.user_id), source";
    private static final String JOB = "id, pipeline_id, engine_job_id, name, stage, status, runner_id, failure_reason,"
            + " created_at, started_at, finished_at";
    private final Jdbi jdbi;

    WebReads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<ProjectView> projects() {
        return jdbi.withHandle(h -> h.createQuery("select pr.id, pr.name, pr.path, pr.repo_dir, pr.default_branch, p.status"
                        + " from projects pr left join pipelines p on p.id = (select max(id) from pipelines where project_id = pr.id)"
                        + " order by pr.path")
                .map((rs, ctx) -> project(rs)).list());
    }

    Optional<ProjectView> project(long id) {
        return projectWhere("pr.id = ?", id);
    }

    Optional<ProjectView> projectByPath(String path) {
        return projectWhere("pr.path = ?", path);
    }

    private Optional<ProjectView> projectWhere(String where, Object value) {
        return jdbi.withHandle(h -> h.createQuery("select pr.id, pr.name, pr.path, pr.repo_dir, pr.default_branch, null"
                        + " from projects pr where " + where)
                .bind(0, value).map((rs, ctx) -> project(rs)).findOne());
    }

    /** Newest first; {@code ref}, {@code status} and {@code source} filter when not blank. */
    Page<PipelineView> pipelines(long projectId, String ref, String status, String source, int page, int size) {
        var where = new StringBuilder("project_id = ?");
        var args = new ArrayList<Object>(List.of(projectId));
        if (ref != null && !ref.isBlank()) {
            where.append(" and ref = ?");
            args.add(ref);
        }
        if (status != null && !status.isBlank()) {
            where.append(" and status = ?");
            args.add(status);
        }
        if (source != null && !source.isBlank()) {
            where.append(" and source = ?");
            args.add(source);
        }
        List<PipelineView> rows = jdbi.withHandle(h -> {
            var q = h.createQuery("select " + PIPELINE + " from pipelines where " + where
                    + " order by id desc limit " + (size + 1) + " offset " + (long) Math.max(0, page - 1) * size);
            for (int i = 0; i < args.size(); i++) {
                q.bind(i, args.get(i));
            }
            return q.map((rs, ctx) -> pipeline(rs)).list();
        });
        return new Page<>(rows.subList(0, Math.min(size, rows.size())), rows.size() > size);
    }

    Optional<PipelineView> pipeline(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + PIPELINE + " from pipelines where id = ?").bind(0, id)
                .map((rs, ctx) -> pipeline(rs)).findOne());
    }

    Optional<String> latestStatus(long projectId, String ref) {
        return jdbi.withHandle(h -> h.createQuery("select status from pipelines where project_id = ? and ref = ?"
                        + " order by id desc limit 1")
                .bind(0, projectId).bind(1, ref).mapTo(String.class).findOne());
    }

    /** The latest attempt of each job, in creation order, each knowing how many attempts its name had. */
    List<JobView> latestJobs(long pipelineId) {
        List<JobView> all = jdbi.withHandle(h -> h.createQuery("select " + JOB + " from jobs where pipeline_id = ? order by id")
                .bind(0, pipelineId).map((rs, ctx) -> job(rs, 1)).list());
        var latest = new java.util.LinkedHashMap<String, JobView>();
        var attempts = new HashMap<String, Integer>();
        for (JobView j : all) {
            latest.remove(j.name());
            latest.put(j.name(), j);
            attempts.merge(j.name(), 1, Integer::sum);
        }
        return latest.values().stream().sorted(java.util.Comparator.comparingLong(JobView::engineJobId))
                .map(j -> withAttempts(j, attempts.get(j.name()))).toList();
    }

    Optional<JobView> job(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + JOB + ", (select count(*) from jobs o where o.pipeline_id = j.pipeline_id"
                        + " and o.name = j.name) from jobs j where id = ?").bind(0, id)
                .map((rs, ctx) -> job(rs, rs.getInt(12))).findOne());
    }

    private static JobView withAttempts(JobView j, int attempts) {
        return new JobView(j.id(), j.pipelineId(), j.engineJobId(), j.name(), j.stage(), j.status(), j.runnerId(),
                j.failureReason(), j.created(), j.started(), j.finished(), attempts);
    }

    private static ProjectView project(ResultSet rs) throws SQLException {
        return new ProjectView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }

    private static PipelineView pipeline(ResultSet rs) throws SQLException {
        return new PipelineView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                rs.getString(10), rs.getString(11));
    }

    private static JobView job(ResultSet rs, int attempts) throws SQLException {
        long runner = rs.getLong(7);
        Long runnerId = rs.wasNull() ? null : runner;
        return new JobView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                runnerId, rs.getString(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)), attempts);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
