package dev.sluice.server;

import dev.sluice.server.web.Sessions;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Web sessions in the store: the cookie's secret kept only as its {@link Tokens#hash}, so a leaked table opens nothing. */
final class JdbiWebSessions implements Sessions {

    private final Jdbi jdbi;
    private final Clock clock;

    JdbiWebSessions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Session start(long userId) {
        var now = clock.instant();
        var session = new Session(Tokens.generate("") + Tokens.generate(""), userId, Tokens.generate(""));
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from web_sessions where expires_at < ?").bind(0, now).execute();
            h.createUpdate("insert into web_sessions (secret_hash, user_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)")
                    .bind(0, Tokens.hash(session.secret())).bind(1, userId).bind(2, session.csrf()).bind(3, now)
                    .bind(4, now.plus(LIFETIME)).execute();
        });
        return session;
    }

    @Override
    public Optional<Session> find(String secret) {
        return jdbi.withHandle(h -> h.createQuery("select user_id, csrf_token from web_sessions where secret_hash = ? and expires_at > ?")
                .bind(0, Tokens.hash(secret)).bind(1, clock.instant())
                .map((rs, ctx) -> new Session(secret, rs.getLong(1), rs.getString(2))).findOne());
    }

    @Override
    public void end(String secret) {
        if (secret != null) {
            jdbi.useHandle(h -> h.createUpdate("delete from web_sessions where secret_hash = ?").bind(0, Tokens.hash(secret)).execute());
        }
    }
}
