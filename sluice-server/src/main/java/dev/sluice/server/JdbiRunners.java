package dev.sluice.server;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

final class JdbiRunners implements Runners {

    private final Jdbi jdbi;

    JdbiRunners(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Runner create(String tokenHash, Runner s) {
        long id = jdbi.withHandle(h -> h.createUpdate("insert into runners"
                        + " (token_hash, description, tags, run_untagged, locked, access_level, paused) values (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, tokenHash).bind(1, s.description()).bind(2, String.join(",", s.tags())).bind(3, s.runUntagged())
                .bind(4, s.locked()).bind(5, s.accessLevel()).bind(6, s.paused())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Runner(id, s.description(), s.tags(), s.runUntagged(), s.locked(), s.accessLevel(), s.paused(), Set.of());
    }

    @Override
    public Optional<Runner> byTokenHash(String tokenHash) {
        return runners("token_hash = ?", tokenHash).stream().findFirst();
    }

    @Override
    public Optional<Runner> find(long id) {
        return runners("id = ?", id).stream().findFirst();
    }

    @Override
    public List<Runner> availableTo(long projectId) {
        return runners("id in (select runner_id from runner_projects where project_id = ?)"
                + " or id not in (select runner_id from runner_projects)", projectId);
    }

    @Override
    public boolean assign(long runnerId, long projectId) {
        return JdbiProjectVariables.unlessDuplicate(() -> jdbi.withHandle(h -> h.createUpdate(
                        "insert into runner_projects (runner_id, project_id) values (?, ?)")
                .bind(0, runnerId).bind(1, projectId).execute()) == 1);
    }

    @Override
    public boolean unassign(long runnerId, long projectId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from runner_projects where runner_id = ? and project_id = ?")
                .bind(0, runnerId).bind(1, projectId).execute()) == 1;
    }

    @Override
    public List<Runner> list(long offset, int limit) {
        return runners("id in (select id from runners order by id offset ? rows fetch next ? rows only)", offset, limit);
    }

    @Override
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from runners").mapTo(Long.class).one());
    }

    @Override
    public boolean update(Runner s) {
        return jdbi.withHandle(h -> h.createUpdate("update runners set description = ?, tags = ?, run_untagged = ?, locked = ?,"
                        + " access_level = ?, paused = ? where id = ?")
                .bind(0, s.description()).bind(1, String.join(",", s.tags())).bind(2, s.runUntagged()).bind(3, s.locked())
                .bind(4, s.accessLevel()).bind(5, s.paused()).bind(6, s.id()).execute()) == 1;
    }

    private List<Runner> runners(String where, Object... values) {
        return jdbi.withHandle(h -> {
            Map<Long, Set<Long>> projects = new HashMap<>();
            bind(h.createQuery("select runner_id, project_id from runner_projects where runner_id in (select id from runners where "
                            + where + ")"), values)
                    .map((rs, ctx) -> projects.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getLong(2))).list();
            return bind(h.createQuery("select id, description, tags, run_untagged, locked, access_level, paused"
                            + " from runners where " + where + " order by id"), values)
                    .map((rs, ctx) -> new Runner(rs.getLong(1), rs.getString(2), tags(rs.getString(3)), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getString(6), rs.getBoolean(7), projects.getOrDefault(rs.getLong(1), Set.of())))
                    .list();
        });
    }

    private static org.jdbi.v3.core.statement.Query bind(org.jdbi.v3.core.statement.Query query, Object... values) {
        for (int i = 0; i < values.length; i++) {
            query.bind(i, values[i]);
        }
        return query;
    }

    @Override
    public boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("delete from runners where id = ?").bind(0, id).execute()) == 1;
    }

    /** Idempotent under concurrent requests of one runner (request_concurrency): a lost race to insert is fine. */
    @Override
    public void touchManager(long runnerId, String systemId) {
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into runner_managers (runner_id, system_id) select ?, ? where not exists "
                    + "(select 1 from runner_managers where runner_id = ? and system_id = ?)")
                    .bind(0, runnerId).bind(1, systemId).bind(2, runnerId).bind(3, systemId).execute());
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof java.sql.SQLException sql) || !"23505".equals(sql.getSQLState())) {
                throw e; // only a duplicate key (SQL state 23505, H2 and PostgreSQL alike) means "already there"
            }
        }
    }

    @Override
    public boolean deleteManager(long runnerId, String systemId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from runner_managers where runner_id = ? and system_id = ?")
                .bind(0, runnerId).bind(1, systemId).execute()) == 1;
    }

    private static List<String> tags(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
