package dev.sluice.server;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiUsers implements Users, ProjectMembers {

    private static final String COLUMNS = "id, username, name, email, admin, created_at";
    private final Jdbi jdbi;

    JdbiUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public User create(String username, String name, String email, boolean admin) {
        Instant now = Instant.now();
        long id = jdbi.withHandle(h -> h.createUpdate("insert into users (username, name, email, admin, created_at) values (?, ?, ?, ?, ?)")
                .bind(0, username).bind(1, name).bind(2, email).bind(3, admin).bind(4, now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new User(id, username, name, email, admin, now);
    }

    @Override
    public Optional<User> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from users where id = ?").bind(0, id)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public Optional<User> byUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from users where username = ?").bind(0, username)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public List<User> list(long offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from users order by id offset ? rows fetch next ? rows only")
                .bind(0, offset).bind(1, limit).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from users").mapTo(Long.class).one());
    }

    @Override
    public boolean setPassword(long id, String passwordHash) {
        return jdbi.withHandle(h -> h.createUpdate("update users set password_hash = ? where id = ?")
                .bind(0, passwordHash).bind(1, id).execute()) == 1;
    }

    @Override
    public Optional<String> passwordHash(long id) {
        return jdbi.withHandle(h -> h.createQuery("select password_hash from users where id = ?").bind(0, id)
                .mapTo(String.class).findOne());
    }

    @Override
    public void add(long projectId, long userId, int accessLevel) {
        jdbi.useHandle(h -> h.createUpdate("insert into project_members (project_id, user_id, access_level) values (?, ?, ?)")
                .bind(0, projectId).bind(1, userId).bind(2, accessLevel).execute());
    }

    private static User row(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getTimestamp(6).toInstant());
    }

    @Override
    public java.util.Optional<Integer> accessLevel(long projectId, long userId) {
        return jdbi.withHandle(h -> h.createQuery("select access_level from project_members where project_id = ? and user_id = ?")
                .bind(0, projectId).bind(1, userId).mapTo(Integer.class).findOne());
    }

    @Override
    public boolean update(long projectId, long userId, int accessLevel) {
        return jdbi.withHandle(h -> h.createUpdate("update project_members set access_level = ? where project_id = ? and user_id = ?")
                .bind(0, accessLevel).bind(1, projectId).bind(2, userId).execute()) > 0;
    }

    @Override
    public boolean remove(long projectId, long userId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from project_members where project_id = ? and user_id = ?")
                .bind(0, projectId).bind(1, userId).execute()) > 0;
    }

    @Override
    public List<Member> of(long projectId) {
        return jdbi.withHandle(h -> h.createQuery("select user_id, access_level from project_members where project_id = ? order by user_id")
                .bind(0, projectId).map((rs, ctx) -> new Member(rs.getLong(1), rs.getInt(2))).list());
    }

    @Override
    public List<Long> projectsOf(long userId) {
        return jdbi.withHandle(h -> h.createQuery("select project_id from project_members where user_id = ? order by project_id")
                .bind(0, userId).mapTo(Long.class).list());
    }
}
