package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.JobRequest;
import dev.sluice.protocol.RegisteredRunner;
import dev.sluice.protocol.ResetTokenRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §1.4: past 75 % of its lifetime the token is reset, and the new one is used and handed back for saving. */
class TokenResetTest {

    @Test
    void resetIsDueAtThreeQuartersOfTheLifetime() {
        var t = new TokenExpiry(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-05T00:00:00Z"));
        assertThat(t.resetDue(Instant.parse("2030-01-03T23:59:59Z"))).isFalse();
        assertThat(t.resetDue(Instant.parse("2030-01-04T00:00:00Z"))).isTrue();
        assertThat(TokenExpiry.of(Instant.EPOCH, null)).isEmpty();
        assertThat(TokenExpiry.of(Instant.EPOCH, "0001-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void anExpiringTokenIsResetBeforeTheNextRequest(@TempDir Path work) throws Exception {
        try (var server = new FakeCoordinator()) {
            server.once(c -> c.path().equals("/api/v4/runners/reset_authentication_token"), c -> FakeCoordinator.Reply.json(201,
                    new RegisteredRunner(null, "glrt-newtoken", "2999-01-01T00:00:00Z"), Map.of()));
            var old = new TokenExpiry(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z"));
            var agent = TestJobs.agent(server.url(), work, 1, e -> e.withToken("glrt-testtoken", Optional.of(old)), Duration.ofSeconds(5));
            Await.until("a request with the new token", () -> server.calls("POST", "/api/v4/jobs/request").stream()
                    .anyMatch(c -> c.json(JobRequest.class).token().equals("glrt-newtoken")));
            agent.shutdown();

            var reset = server.calls("POST", "/api/v4/runners/reset_authentication_token");
            assertThat(reset).hasSize(1);
            assertThat(reset.get(0).json(ResetTokenRequest.class).token()).isEqualTo("glrt-testtoken");
            assertThat(server.calls("POST", "/api/v4/jobs/request")).as("no request with the old token")
                    .allSatisfy(c -> assertThat(c.header("RUNNER-TOKEN")).isEqualTo("glrt-newtoken"));
            RunnerEntry saved = TestJobs.tokenResets.getLast();
            assertThat(saved.token()).isEqualTo("glrt-newtoken");
            assertThat(saved.tokenExpiry().orElseThrow().expiresAt()).isEqualTo(Instant.parse("2999-01-01T00:00:00Z"));
        }
    }
}
