package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each forge's status request, sent over loopback to a fake forge that records it. */
class CommitStatusApiIT {

    static final String SHA = "a".repeat(40);

    FakeForge forge;

    @BeforeEach
    void start() throws Exception {
        forge = new FakeForge();
    }

    @AfterEach
    void stop() {
        forge.close();
    }

    @Test
    void gitLabGetsItsOwnStatesTheRefAndAPrivateToken() throws Exception {
        var sent = send(Mirrors.Forge.GITLAB, "/api/v4/projects/42", "canceled");

        assertThat(sent.path()).isEqualTo("/api/v4/projects/42/statuses/" + SHA);
        assertThat(sent.header("PRIVATE-TOKEN")).isEqualTo("tok");
        JsonNode body = CoordinatorIT.json(sent.body());
        assertThat(body.get("state").asText()).isEqualTo("canceled");
        assertThat(body.get("ref").asText()).isEqualTo("main");
        assertThat(body.get("name").asText()).isEqualTo("sluice");
        assertThat(stateOf(Mirrors.Forge.GITLAB, "created")).isEqualTo("pending");
        assertThat(stateOf(Mirrors.Forge.GITLAB, "running")).isEqualTo("running");
    }

    @Test
    void giteaAndGitHubHaveNoCanceledAndSayFailureForFailed() throws Exception {
        var sent = send(Mirrors.Forge.GITEA, "/api/v1/repos/o/r/", "failed");

        assertThat(sent.path()).as("a trailing slash is tolerated").isEqualTo("/api/v1/repos/o/r/statuses/" + SHA);
        assertThat(sent.header("Authorization")).isEqualTo("token tok");
        assertThat(CoordinatorIT.json(sent.body()).get("state").asText()).isEqualTo("failure");
        assertThat(stateOf(Mirrors.Forge.GITEA, "canceled")).isEqualTo("error");
        assertThat(stateOf(Mirrors.Forge.GITHUB, "canceled")).isEqualTo("error");
        assertThat(stateOf(Mirrors.Forge.GITHUB, "running")).isEqualTo("pending");
        assertThat(stateOf(Mirrors.Forge.GITHUB, "success")).isEqualTo("success");
    }

    private String stateOf(Mirrors.Forge kind, String status) throws Exception {
        return CoordinatorIT.json(send(kind, "/x", status).body()).get("state").asText();
    }

    private FakeForge.Request send(Mirrors.Forge kind, String path, String status) throws Exception {
        var api = CommitStatusApi.of(new Mirrors.StatusTarget(kind, forge.url() + path, "tok"));
        var request = api.request(new CommitStatusApi.CommitStatus(SHA, "main", status, "http://sluice/p/1", "Sluice pipeline"));
        try (var client = HttpClient.newHttpClient()) {
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        }
        return forge.requests.get(forge.requests.size() - 1);
    }
}
