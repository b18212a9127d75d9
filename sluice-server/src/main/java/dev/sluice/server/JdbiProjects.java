package dev.sluice.server;

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

    private Optional<Project> one(String where, Object value) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from projects where " + where).bind(0, value)
                .map((rs, ctx) -> new Project(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .findOne());
    }
}
