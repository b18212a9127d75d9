package dev.sluice.server;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiProjects implements Projects {

    private static final String COLUMNS = "id, name, path, repo_dir, default_branch";
    private final Jdbi jdbi;

    JdbiProjects(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Project create(String name, String path, String repoDir, String defaultBranch) {
        long id = jdbi.withHandle(h -> h.createUpdate(
                        "insert into projects (name, path, repo_dir, default_branch) values (?, ?, ?, ?)")
                .bind(0, name).bind(1, path).bind(2, repoDir).bind(3, defaultBranch)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Project(id, name, path, repoDir, defaultBranch);
    }

    @Override
    public Optional<Project> find(long id) {
        return one("id = ?", id);
    }

    @Override
    public Optional<Project> byPath(String path) {
        return one("path = ?", path);
    }

    @Override
    public List<Project> list(long offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from projects order by id offset ? rows fetch next ? rows only")
                .bind(0, offset).bind(1, limit).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from projects").mapTo(Long.class).one());
    }

    private Optional<Project> one(String where, Object value) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from projects where " + where).bind(0, value)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    private static Project row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Project(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
