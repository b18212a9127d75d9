package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner API's answers as runner-protocol.md records them: 204, 403, 400, 404 on traces. */
class RunnerProtocolTest {

    @TempDir
    Path tmp;
    Coordinator server;

    @BeforeEach
    void start() {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp, "reg-token", Duration.ofMillis(300)).withAdminToken(Http.ADMIN_TOKEN));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String register() throws Exception {
        var reg = Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}", "Content-Type", "application/json");
        return CoordinatorIT.json(reg.body()).get("token").asText();
    }

    @Test
    void noJobIs204WithLastUpdateAndALongPollEndsAfterItsHold() throws Exception {
        String token = register();
        var first = Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + token + "\"}");
        assertThat(first.statusCode()).isEqualTo(204);
        String version = first.headers().firstValue("X-GitLab-Last-Update").orElseThrow();
        long t0 = System.nanoTime();
        var held = Http.send("POST", server.url() + "/api/v4/jobs/request",
                "{\"token\":\"" + token + "\",\"last_update\":\"" + version + "\"}");
        assertThat(held.statusCode()).isEqualTo(204);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void wrongTokensAre403() throws Exception {
        assertThat(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"nope\"}").statusCode()).isEqualTo(403);
        assertThat(Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"glrt-nope\"}").statusCode()).isEqualTo(403);
        assertThat(Http.send("POST", server.url() + "/api/v4/runners/verify", "{\"token\":\"glrt-nope\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void verifyAnswersJsonWithTheIdAndUnregisterIs204() throws Exception {
        String token = register();
        var verify = Http.send("POST", server.url() + "/api/v4/runners/verify", "{\"token\":\"" + token + "\",\"system_id\":\"s_1\"}");
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(CoordinatorIT.json(verify.body()).get("id").asLong()).isPositive();
        assertThat(Http.send("DELETE", server.url() + "/api/v4/runners/managers", "{\"token\":\"" + token + "\",\"system_id\":\"s_1\"}")
                .statusCode()).isEqualTo(204);
        assertThat(Http.send("DELETE", server.url() + "/api/v4/runners", "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(204);
        assertThat(Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + token + "\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        var r = Http.send("POST", server.url() + "/api/v4/jobs/request", "{not json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("malformed JSON");
    }

    @Test
    void jobCallsForUnknownJobsOrWithoutTokenAreRefused() throws Exception {
        assertThat(Http.send("PUT", server.url() + "/api/v4/jobs/99", "{\"token\":\"x\",\"state\":\"running\"}").statusCode()).isEqualTo(404);
    }
}
