package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The web UI's stores (sessions, passwords, who started a pipeline) on H2 and on a real PostgreSQL. */
class WebStoresIT {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path tmp;
    private final FreshStore store = new FreshStore();

    private Jdbi open(TestDatabase db) {
        return store.open(db, tmp);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sessionsAreFoundByTheirSecretUntilTheyExpireOrEnd(TestDatabase db) {
        var jdbi = open(db);
        long alice = new JdbiUsers(jdbi).create("alice", "Alice", null, false).id();
        var now = new JdbiWebSessions(jdbi, Clock.fixed(T0, ZoneOffset.UTC));
        var session = now.start(alice);
        var other = now.start(alice);

        assertThat(session.secret()).isNotEqualTo(other.secret()).hasSizeGreaterThanOrEqualTo(48);
        assertThat(session.csrf()).isNotEqualTo(other.csrf());
        assertThat(now.find(session.secret())).contains(session);
        assertThat(now.find(session.secret() + "x")).isEmpty();
        assertThat((long) jdbi.<Long, RuntimeException>withHandle(h -> h.createQuery("select count(*) from web_sessions where secret_hash = ?")
                .bind(0, session.secret()).mapTo(Long.class).one())).as("only its hash is stored").isZero();

        now.end(other.secret());
        assertThat(now.find(other.secret())).isEmpty();

        var weekLater = new JdbiWebSessions(jdbi, Clock.fixed(T0.plus(Duration.ofDays(7)).plusSeconds(1), ZoneOffset.UTC));
        assertThat(weekLater.find(session.secret())).as("expired after a week").isEmpty();
        weekLater.start(alice);
        assertThat((long) jdbi.<Long, RuntimeException>withHandle(h -> h.createQuery("select count(*) from web_sessions").mapTo(Long.class).one()))
                .as("starting a session drops the expired ones").isEqualTo(1L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void passwordsAndWhoStartedAPipelineAreKept(TestDatabase db) {
        var jdbi = open(db);
        var users = new JdbiUsers(jdbi);
        long alice = users.create("alice", "Alice", null, false).id();
        assertThat(users.passwordHash(alice)).isEmpty();
        assertThat(users.setPassword(alice, "pbkdf2-sha256$1$a$b")).isTrue();
        assertThat(users.passwordHash(alice)).contains("pbkdf2-sha256$1$a$b");
        assertThat(users.setPassword(alice + 100, "x")).isFalse();

        long project = new JdbiProjects(jdbi).create("app", "app", "/srv/app.git", "main").id();
        long pipeline = new JdbiPipelineJournal(jdbi).open(project, "main", "a".repeat(40), "push", "{}");
        new JdbiPipelines(jdbi).setUser(pipeline, alice);
        assertThat((long) jdbi.<Long, RuntimeException>withHandle(h -> h.createQuery("select user_id from pipelines where id = ?").bind(0, pipeline)
                .mapTo(Long.class).one())).isEqualTo(alice);
    }
}
