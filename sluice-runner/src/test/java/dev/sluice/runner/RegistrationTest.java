package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.RegisterRunnerRequest;
import dev.sluice.protocol.RegisteredRunner;
import dev.sluice.protocol.UnregisterRunnerRequest;
import dev.sluice.protocol.VerifyRunnerRequest;
import dev.sluice.protocol.VersionInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registration exchanges of runner-protocol.md §1, request by request. */
class RegistrationTest {

    static final VersionInfo INFO = VersionInfo.sluice("0.1.0", "shell", "bash");
    static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5));

    final FakeCoordinator server = FakeCoordinator.unchecked();
    final Registration registration = new Registration(INFO, "s_0123456789ab");

    @AfterEach
    void stop() {
        server.close();
    }

    CoordinatorClient client(String suffix) {
        return new CoordinatorClient(server.url() + suffix, "sluice-test", FAST);
    }

    static Registration.Request request(String token, List<String> tags) {
        return new Registration.Request("http://x", token, "my-runner", tags, false, false, "not_protected", 0, false, "shell");
    }

    @Test
    void legacyRegistrationPostsTheRegistrationTokenAndKeepsTheAuthToken() throws Exception {
        server.once(c -> c.path().equals("/api/v4/runners"),
                c -> FakeCoordinator.Reply.json(201, new RegisteredRunner(12L, "auth-token-1", null), Map.of()));
        RunnerEntry entry = registration.register(client("/ci/"), request("GR1348941reg", List.of("docker", "linux")));

        assertThat(entry.id()).isEqualTo(12);
        assertThat(entry.token()).isEqualTo("auth-token-1");
        var call = server.calls.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).as("trailing /ci/ removed, /api/v4/ added").isEqualTo("/api/v4/runners");
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
        assertThat(call.header("Accept")).isEqualTo("application/json");
        assertThat(call.header("RUNNER-TOKEN")).isEqualTo("GR1348941reg");
        assertThat(call.header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(call.header("User-Agent")).isEqualTo("sluice-test");
        var body = call.json(RegisterRunnerRequest.class);
        assertThat(body.token()).isEqualTo("GR1348941reg");
        assertThat(body.tagList()).isEqualTo("docker,linux");
        assertThat(body.runUntagged()).isFalse();
        assertThat(body.maximumTimeout()).as("omitted when 0").isNull();
        assertThat(body.info().features()).containsEntry("cancel_gracefully", true);
    }

    @Test
    void noTagsMeansRunUntagged() throws Exception {
        server.once(c -> true, c -> FakeCoordinator.Reply.json(201, new RegisteredRunner(1L, "t", null), Map.of()));
        registration.register(client(""), request("reg", List.of()));
        assertThat(server.calls.get(0).json(RegisterRunnerRequest.class).runUntagged()).isTrue();
    }

    @Test
    void forbiddenRegistrationTokenSaysSo() {
        server.once(c -> true, c -> FakeCoordinator.Reply.of(403, Map.of()));
        assertThatThrownBy(() -> registration.register(client(""), request("bad", List.of())))
                .isInstanceOf(ApiException.class).hasMessage("forbidden (check registration token)");
    }

    @Test
    void createdRunnerTokenIsVerifiedNotRegistered() throws Exception {
        server.once(c -> c.path().equals("/api/v4/runners/verify"),
                c -> FakeCoordinator.Reply.json(200, new RegisteredRunner(34L, "glrt-abc", "2030-01-01T00:00:00Z"), Map.of()));
        RunnerEntry entry = registration.register(client(""), request("glrt-abc", List.of("ignored")));

        assertThat(server.calls).hasSize(1);
        var body = server.calls.get(0).json(VerifyRunnerRequest.class);
        assertThat(body.token()).isEqualTo("glrt-abc");
        assertThat(body.systemId()).isEqualTo("s_0123456789ab");
        assertThat(entry.id()).isEqualTo(34);
        assertThat(entry.tokenExpiry().orElseThrow().expiresAt()).isEqualTo(java.time.Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void verifyWithoutRunnerIdFailsTheRegistration() {
        server.once(c -> true, c -> FakeCoordinator.Reply.json(200, "{\"id\": 0, \"token\": \"glrt-abc\"}", Map.of()));
        assertThatThrownBy(() -> registration.register(client(""), request("glrt-abc", List.of())))
                .hasMessageContaining("Failed to verify the runner");
    }

    @Test
    void aSuccessBodyThatIsNotJsonIsRefused() {
        server.once(c -> true, c -> new FakeCoordinator.Reply(201, Map.of("Content-Type", "text/html"), "<html/>".getBytes()));
        assertThatThrownBy(() -> registration.register(client(""), request("reg", List.of())))
                .hasMessage("server should return application/json");
    }

    @Test
    void unregisterDeletesTheRunnerOrOnlyThisManager() throws Exception {
        server.always(c -> c.method().equals("DELETE"), c -> FakeCoordinator.Reply.of(204, Map.of()));
        registration.unregister(client(""), RunnerEntry.of("x", 1, "legacy-token", "shell"));
        registration.unregister(client(""), RunnerEntry.of("x", 2, "glrt-abc", "shell"));

        assertThat(server.calls.get(0).path()).isEqualTo("/api/v4/runners");
        assertThat(server.calls.get(0).json(UnregisterRunnerRequest.class)).isEqualTo(new UnregisterRunnerRequest("legacy-token", null));
        assertThat(server.calls.get(1).path()).isEqualTo("/api/v4/runners/managers");
        assertThat(server.calls.get(1).json(UnregisterRunnerRequest.class))
                .isEqualTo(new UnregisterRunnerRequest("glrt-abc", "s_0123456789ab"));
    }

    @Test
    void retryableStatusesAreRetriedOthersAreNot() throws Exception {
        server.once(c -> true, c -> FakeCoordinator.Reply.of(503, Map.of("Retry-After", "0")));
        server.once(c -> true, c -> FakeCoordinator.Reply.of(502, Map.of()));
        server.once(c -> true, c -> FakeCoordinator.Reply.json(201, new RegisteredRunner(5L, "t", null), Map.of()));
        assertThat(registration.register(client(""), request("reg", List.of())).id()).isEqualTo(5);
        assertThat(server.calls).hasSize(3);
        assertThat(server.calls.get(1).header("X-Request-Id")).as("a retry is the same request").isEqualTo(server.calls.get(0).header("X-Request-Id"));

        server.once(c -> true, c -> FakeCoordinator.Reply.of(400, Map.of()));
        assertThatThrownBy(() -> registration.register(client(""), request("reg", List.of()))).isInstanceOf(ApiException.class);
        assertThat(server.calls).hasSize(4);
    }
}
