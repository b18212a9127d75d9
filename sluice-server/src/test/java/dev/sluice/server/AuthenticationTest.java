package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The filter over a real store and HTTP, with a clock the test moves: when tokens stop working. */
class AuthenticationTest {

    /** A clock that stands still until the test moves it. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2030-06-15T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Database database = Database.open(new DatabaseConfig("jdbc:h2:mem:auth" + System.nanoTime(), "sa", ""));
    private final org.jdbi.v3.core.Jdbi jdbi = database.jdbi;
    private final JdbiUsers users = new JdbiUsers(jdbi);
    private final JdbiAccessTokens tokens = new JdbiAccessTokens(jdbi);
    private final Javalin app = Javalin.create(c -> c.showJavalinBanner = false);

    @AfterEach
    void stop() {
        app.stop();
        database.close();
    }

    private String url() {
        new Authentication(users, tokens, clock).install(app);
        app.get("/api/v4/user", ctx -> ctx.result(Authentication.user(ctx).username()));
        app.exception(RunnerApi.Refused.class, (e, ctx) -> ctx.status(e.status).result(e.getMessage()));
        app.start("127.0.0.1", 0);
        return "http://127.0.0.1:" + app.port() + "/api/v4/user";
    }

    @Test
    void aTokenWorksUntilMidnightUtcAtTheStartOfItsExpiryDate() throws Exception {
        FirstStart.ensureAdmin(users, tokens, Optional.of(Http.ADMIN_TOKEN));
        tokens.create(1, "short", Tokens.hash("glpat-short-lived-token-1"), List.of("api"), LocalDate.of(2030, 6, 16));
        String url = url();
        assertThat(Http.send("GET", url, null, "PRIVATE-TOKEN", "glpat-short-lived-token-1").body()).isEqualTo("root");

        clock.now = Instant.parse("2030-06-15T23:59:59Z");
        assertThat(Http.send("GET", url, null, "PRIVATE-TOKEN", "glpat-short-lived-token-1").statusCode()).isEqualTo(200);
        clock.now = Instant.parse("2030-06-16T00:00:00Z");
        var expired = Http.send("GET", url, null, "PRIVATE-TOKEN", "glpat-short-lived-token-1");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(Http.send("GET", url, null, "PRIVATE-TOKEN", Http.ADMIN_TOKEN).statusCode()).as("no expiry").isEqualTo(200);
    }

    @Test
    void useIsRecordedAtMostOnceAMinute() throws Exception {
        FirstStart.ensureAdmin(users, tokens, Optional.of(Http.ADMIN_TOKEN));
        String url = url();
        Http.send("GET", url, null, "PRIVATE-TOKEN", Http.ADMIN_TOKEN);
        assertThat(tokens.find(1).orElseThrow().lastUsedAt()).isEqualTo(clock.now);
        Instant first = clock.now;
        clock.now = first.plusSeconds(30);
        Http.send("GET", url, null, "PRIVATE-TOKEN", Http.ADMIN_TOKEN);
        assertThat(tokens.find(1).orElseThrow().lastUsedAt()).isEqualTo(first);
        clock.now = first.plusSeconds(61);
        Http.send("GET", url, null, "PRIVATE-TOKEN", Http.ADMIN_TOKEN);
        assertThat(tokens.find(1).orElseThrow().lastUsedAt()).isEqualTo(clock.now);
    }

    @Test
    void aShortAdminTokenIsRefusedAndAFilledStoreGetsNoSecondRoot() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FirstStart.ensureAdmin(users, tokens, Optional.of("short")))
                .hasMessageContaining("at least 20 characters");
        assertThat(FirstStart.ensureAdmin(users, tokens, Optional.empty())).isPresent();
        assertThat(FirstStart.ensureAdmin(users, tokens, Optional.empty())).isEmpty();
        assertThat(users.count()).isEqualTo(1);
    }
}
