package dev.sluice.server;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

final class JdbiMergeRequests implements MergeRequests {

    private static final String COLUMNS = "id, project_id, iid, title, description, source_branch, target_branch, state, author_id,"
            + " head_sha, merge_commit_sha, merged_by_id, merged_at, closed_at, created_at, updated_at";
    private final Jdbi jdbi;

    JdbiMergeRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public MergeRequest create(long projectId, String title, String description, String sourceBranch, String targetBranch,
                               long authorId, String headSha, Instant at) {
        // Two requests may pick the same next iid: the unique (project_id, iid) refuses the second, which tries again.
        for (int attempt = 1; ; attempt++) {
            try {
                long id = jdbi.inTransaction(h -> {
                    long iid = h.createQuery("select coalesce(max(iid), 0) + 1 from merge_requests where project_id = ?")
                            .bind(0, projectId).mapTo(Long.class).one();
                    return h.createUpdate("insert into merge_requests (project_id, iid, title, description, source_branch,"
                                    + " target_branch, state, author_id, head_sha, created_at, updated_at)"
                                    + " values (?, ?, ?, ?, ?, ?, 'opened', ?, ?, ?, ?)")
                            .bind(0, projectId).bind(1, iid).bind(2, title).bind(3, description).bind(4, sourceBranch)
                            .bind(5, targetBranch).bind(6, authorId).bind(7, headSha).bind(8, at).bind(9, at)
                            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                });
                return one("id = ?", id).orElseThrow();
            } catch (UnableToExecuteStatementException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<MergeRequest> find(long projectId, long iid) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from merge_requests where project_id = ? and iid = ?")
                .bind(0, projectId).bind(1, iid).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public List<MergeRequest> list(long projectId, String state, long offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from merge_requests" + FILTER
                        + " order by iid desc offset :offset rows fetch next :limit rows only")
                .bind("project", projectId).bindByType("state", state, String.class).bind("offset", offset).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public long count(long projectId, String state) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from merge_requests" + FILTER)
                .bind("project", projectId).bindByType("state", state, String.class).mapTo(Long.class).one());
    }

    private static final String FILTER = " where project_id = :project and (:state is null or state = :state)";

    @Override
    public List<MergeRequest> openFrom(long projectId, String branch) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from merge_requests where project_id = ? and source_branch = ? and state = 'opened' order by iid")
                .bind(0, projectId).bind(1, branch).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public void edit(long id, String title, String description, Instant at) {
        update("update merge_requests set title = ?, description = ?, updated_at = ? where id = ?", title, description, at, id);
    }

    @Override
    public void setState(long id, String state, Instant at) {
        update("update merge_requests set state = ?, closed_at = ?, updated_at = ? where id = ?", state,
                state.equals("closed") ? Timestamp.from(at) : null, at, id);
    }

    @Override
    public void seenHead(long id, String sha) {
        update("update merge_requests set head_sha = ? where id = ?", sha, id);
    }

    @Override
    public void merged(long id, String mergeCommitSha, String headSha, long userId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("update merge_requests set state = 'merged', merge_commit_sha = ?, head_sha = ?,"
                        + " merged_by_id = ?, merged_at = ?, updated_at = ? where id = ?")
                .bindByType(0, mergeCommitSha, String.class).bind(1, headSha).bind(2, userId).bind(3, at).bind(4, at).bind(5, id)
                .execute());
    }

    @Override
    public void approve(long id, long userId, String sha, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from merge_request_approvals where merge_request_id = ? and user_id = ?")
                    .bind(0, id).bind(1, userId).execute();
            h.createUpdate("insert into merge_request_approvals (merge_request_id, user_id, sha, created_at) values (?, ?, ?, ?)")
                    .bind(0, id).bind(1, userId).bind(2, sha).bind(3, at).execute();
        });
    }

    @Override
    public boolean unapprove(long id, long userId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from merge_request_approvals where merge_request_id = ? and user_id = ?")
                .bind(0, id).bind(1, userId).execute()) > 0;
    }

    @Override
    public List<Approval> approvals(long id) {
        return jdbi.withHandle(h -> h.createQuery("select user_id, sha, created_at from merge_request_approvals"
                        + " where merge_request_id = ? order by created_at, user_id")
                .bind(0, id).map((rs, ctx) -> new Approval(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list());
    }

    @Override
    public Note addNote(long id, long authorId, String body, Instant at) {
        long noteId = jdbi.withHandle(h -> h.createUpdate(
                        "insert into merge_request_notes (merge_request_id, author_id, body, created_at) values (?, ?, ?, ?)")
                .bind(0, id).bind(1, authorId).bind(2, body).bind(3, at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        update("update merge_requests set updated_at = ? where id = ?", at, id);
        return new Note(noteId, authorId, body, at);
    }

    @Override
    public List<Note> notes(long id) {
        return jdbi.withHandle(h -> h.createQuery("select id, author_id, body, created_at from merge_request_notes"
                        + " where merge_request_id = ? order by id")
                .bind(0, id).map((rs, ctx) -> new Note(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list());
    }

    private void update(String sql, Object... values) {
        jdbi.useHandle(h -> {
            var update = h.createUpdate(sql);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    update.bindNull(i, java.sql.Types.TIMESTAMP);
                } else {
                    update.bind(i, values[i]);
                }
            }
            update.execute();
        });
    }

    private Optional<MergeRequest> one(String where, Object value) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from merge_requests where " + where).bind(0, value)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    private static MergeRequest row(ResultSet rs) throws SQLException {
        Long mergedBy = rs.getObject(12) == null ? null : rs.getLong(12);
        return new MergeRequest(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11), mergedBy,
                instant(rs, 13), instant(rs, 14), instant(rs, 15), instant(rs, 16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
