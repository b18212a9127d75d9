package dev.sluice.server;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiAccessTokens implements AccessTokens {

    private static final String COLUMNS = "id, user_id, name, scopes, expires_at, revoked, created_at, last_used_at";
    private final Jdbi jdbi;

    JdbiAccessTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Token create(long userId, String name, String tokenHash, List<String> scopes, LocalDate expiresAt) {
        Instant now = Instant.now();
        long id = jdbi.withHandle(h -> h.createUpdate("insert into personal_access_tokens"
                        + " (user_id, name, token_hash, scopes, expires_at, revoked, created_at) values (?, ?, ?, ?, ?, false, ?)")
                .bind(0, userId).bind(1, name).bind(2, tokenHash).bind(3, String.join(",", scopes)).bind(4, expiresAt).bind(5, now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Token(id, userId, name, scopes, expiresAt, false, now, null);
    }

    @Override
    public Optional<Token> find(long id) {
        return one("id = ?", id);
    }

    @Override
    public Optional<Token> byHash(String tokenHash) {
        return one("token_hash = ?", tokenHash);
    }

    @Override
    public List<Token> list(Optional<Long> userId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from personal_access_tokens where user_id = ? or ? order by id")
                .bind(0, userId.orElse(-1L)).bind(1, userId.isEmpty()).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public boolean revoke(long id) {
        return jdbi.withHandle(h -> h.createUpdate("update personal_access_tokens set revoked = true where id = ?").bind(0, id).execute()) == 1;
    }

    @Override
    public void used(long id, Instant when) {
        jdbi.useHandle(h -> h.createUpdate("update personal_access_tokens set last_used_at = ? where id = ?").bind(0, when).bind(1, id).execute());
    }

    private Optional<Token> one(String where, Object value) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from personal_access_tokens where " + where).bind(0, value)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    private static Token row(ResultSet rs) throws SQLException {
        Timestamp lastUsed = rs.getTimestamp(8);
        return new Token(rs.getLong(1), rs.getLong(2), rs.getString(3), Arrays.asList(rs.getString(4).split(",")),
                rs.getObject(5, LocalDate.class), rs.getBoolean(6), rs.getTimestamp(7).toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }
}
