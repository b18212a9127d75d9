package dev.sluice.server;

import static dev.sluice.server.CoordinatorIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal access tokens over real HTTP: who may call what, creating users and tokens, revoking, the first start. */
class AuthApiIT {

    @TempDir
    Path tmp;
    Coordinator server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start() {
        server = Coordinator.start(settings().withAdminToken(Http.ADMIN_TOKEN));
    }

    private Coordinator.Settings settings() {
        return new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(5));
    }

    private HttpResponse<String> as(String token, String method, String path, String body) throws Exception {
        return Http.send(method, server.url() + "/api/v4" + path, body, "PRIVATE-TOKEN", token);
    }

    @Test
    void theRestApiNeedsAValidTokenInEitherHeaderButTheRunnerApiDoesNot() throws Exception {
        start();
        var anonymous = Http.send("GET", server.url() + "/api/v4/projects", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"message\":\"401 Unauthorized\"}");
        assertThat(as("glpat-wrong", "GET", "/projects", null).statusCode()).isEqualTo(401);
        assertThat(Http.send("GET", server.url() + "/api/v4/user", null, "Authorization", "Bearer glpat-wrong").statusCode()).isEqualTo(401);

        var me = Http.send("GET", server.url() + "/api/v4/user", null, "Authorization", "Bearer " + Http.ADMIN_TOKEN);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me.body()).get("username").asText()).isEqualTo("root");
        assertThat(json(me.body()).get("is_admin").asBoolean()).isTrue();
        assertThat(as(Http.ADMIN_TOKEN, "GET", "/projects", null).statusCode()).isEqualTo(200);

        assertThat(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}").statusCode())
                .as("runner registration takes the registration token, no personal token").isEqualTo(201);
    }

    @Test
    void anAdminCreatesAUserAndATokenThatCanDoEverythingButAdminWork() throws Exception {
        start();
        var created = Http.api("POST", server.url() + "/api/v4/users", "{\"username\":\"alice\",\"email\":\"a@example.com\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long alice = json(created.body()).get("id").asLong();
        assertThat(json(created.body()).get("is_admin").asBoolean()).isFalse();
        assertThat(Http.api("POST", server.url() + "/api/v4/users", "{\"username\":\"alice\"}").statusCode()).isEqualTo(409);
        assertThat(Http.api("POST", server.url() + "/api/v4/users", "{\"name\":\"no username\"}").statusCode()).isEqualTo(400);
        assertThat(Http.api("POST", server.url() + "/api/v4/users", "{not json").statusCode()).isEqualTo(400);

        String tokens = server.url() + "/api/v4/users/" + alice + "/personal_access_tokens";
        var token = Http.api("POST", tokens, "{\"name\":\"ci\",\"scopes\":[\"api\"],\"expires_at\":\"" + LocalDate.now().plusDays(30) + "\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        String secret = json(token.body()).get("token").asText();
        assertThat(secret).startsWith("glpat-");
        assertThat(json(token.body()).get("active").asBoolean()).isTrue();

        var me = as(secret, "GET", "/user", null);
        assertThat(json(me.body()).get("username").asText()).isEqualTo("alice");
        assertThat(as(secret, "POST", "/users", "{\"username\":\"mallory\"}").statusCode()).isEqualTo(403);
        assertThat(as(secret, "POST", "/users/" + alice + "/personal_access_tokens", "{\"name\":\"x\",\"scopes\":[\"api\"]}").statusCode())
                .isEqualTo(403);
        assertThat(as(secret, "GET", "/runners/all", null).statusCode()).isEqualTo(403);
        assertThat(as(secret, "GET", "/runners", null).statusCode()).isEqualTo(200);
        assertThat(json(as(secret, "GET", "/personal_access_tokens", null).body())).as("only her own").hasSize(1);
        assertThat(json(Http.api("GET", server.url() + "/api/v4/personal_access_tokens", null).body())).as("root sees all").hasSize(2);
        var found = json(as(secret, "GET", "/users?username=alice", null).body());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asLong()).isEqualTo(alice);
    }

    @Test
    void badTokenRequestsAreRefusedWithTheReason() throws Exception {
        start();
        String tokens = server.url() + "/api/v4/users/1/personal_access_tokens";
        assertThat(Http.api("POST", tokens, "{\"name\":\"x\",\"scopes\":[\"api\"],\"expires_at\":\"" + LocalDate.now().minusDays(1) + "\"}")
                .body()).contains("expires_at must be a future date");
        assertThat(Http.api("POST", tokens, "{\"name\":\"x\",\"scopes\":[\"api\"],\"expires_at\":\"soon\"}").statusCode()).isEqualTo(400);
        assertThat(Http.api("POST", tokens, "{\"name\":\"x\",\"scopes\":[\"everything\"]}").body()).contains("scopes must name");
        assertThat(Http.api("POST", tokens, "{\"name\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(Http.api("POST", server.url() + "/api/v4/users/99/personal_access_tokens", "{\"name\":\"x\",\"scopes\":[\"api\"]}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aReadApiTokenOnlyReadsAndARevokedTokenIsRefused() throws Exception {
        start();
        var token = json(Http.api("POST", server.url() + "/api/v4/users/1/personal_access_tokens",
                "{\"name\":\"reader\",\"scopes\":[\"read_api\"]}").body());
        String secret = token.get("token").asText();
        assertThat(as(secret, "GET", "/projects", null).statusCode()).isEqualTo(200);
        var write = as(secret, "POST", "/projects", "{\"name\":\"x\",\"import_url\":\"/nowhere\"}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("insufficient_scope");

        assertThat(as(secret, "DELETE", "/personal_access_tokens/" + token.get("id").asLong(), null).statusCode())
                .as("revoking writes: read_api may not").isEqualTo(403);
        assertThat(Http.api("DELETE", server.url() + "/api/v4/personal_access_tokens/" + token.get("id").asLong(), null).statusCode())
                .isEqualTo(204);
        assertThat(as(secret, "GET", "/projects", null).statusCode()).isEqualTo(401);
        var listed = json(Http.api("GET", server.url() + "/api/v4/personal_access_tokens?user_id=1", null).body());
        assertThat(listed.findValues("revoked").stream().map(v -> v.asBoolean()).toList()).containsExactly(false, true);
        assertThat(Http.api("DELETE", server.url() + "/api/v4/personal_access_tokens/99", null).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutAGivenTokenTheFirstStartGeneratesOneAndLaterStartsKeepIt() throws Exception {
        server = Coordinator.start(settings());
        String generated = server.generatedAdminToken().orElseThrow();
        assertThat(generated).startsWith("glpat-");
        assertThat(as(generated, "GET", "/user", null).statusCode()).isEqualTo(200);
        server.close();

        server = Coordinator.start(settings().withAdminToken(Http.ADMIN_TOKEN));
        assertThat(server.generatedAdminToken()).as("shown once only").isEmpty();
        assertThat(as(generated, "GET", "/user", null).statusCode()).isEqualTo(200);
        assertThat(as(Http.ADMIN_TOKEN, "GET", "/user", null).statusCode()).as("root exists: the given token is not added")
                .isEqualTo(401);
    }
}
