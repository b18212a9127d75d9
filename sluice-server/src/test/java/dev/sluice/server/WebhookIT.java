package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mirror project fed by GitLab-, GitHub- and Gitea-shaped webhooks (payloads written from the forges' documented
 * formats), its commits fetched from a real git repository, its statuses reported to a fake forge over loopback.
 */
class WebhookIT {

    static final String SECRET = "It's a Secret to Everybody";
    static final String ZEROS = "0000000000000000000000000000000000000000";

    @TempDir
    Path tmp;
    Coordinator server;
    FakeForge forge;
    Path upstream;
    long projectId;

    @BeforeEach
    void start() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(5)).withAdminToken(Http.ADMIN_TOKEN));
        forge = new FakeForge();
        upstream = Files.createDirectories(tmp.resolve("upstream"));
        CoordinatorIT.git(upstream, "init", "-q", "-b", "main");
        Files.writeString(upstream.resolve(".gitlab-ci.yml"), "job: {script: [echo hi]}\n");
        CoordinatorIT.git(upstream, "add", ".");
        CoordinatorIT.git(upstream, "commit", "-q", "-m", "init");
    }

    @AfterEach
    void stop() {
        server.close();
        forge.close();
    }

    @Test
    void aSignedGitHubPushFetchesTheCommitAndItsRedeliveryCreatesNothing() throws Exception {
        createMirror("github", forge.url() + "/repos/octo/app");
        String before = head();
        String after = commitUpstream("second");
        String payload = githubPush("refs/heads/main", before, after);

        var first = github("push", "d-1", payload, signature(payload));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode pipelines = CoordinatorIT.json(first.body()).get("pipelines");
        assertThat(pipelines).hasSize(1);
        var pipeline = CoordinatorIT.json(get("/pipelines/" + pipelines.get(0).asLong()).body());
        assertThat(pipeline.get("sha").asText()).as("the commit was fetched from the mirrored repository").isEqualTo(after);
        assertThat(pipeline.get("ref").asText()).isEqualTo("main");

        var redelivered = github("push", "d-1", payload, signature(payload));
        var replayedUnderANewId = github("push", "d-2", payload, signature(payload));

        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(replayedUnderANewId.statusCode()).isEqualTo(200);
        assertThat(CoordinatorIT.json(replayedUnderANewId.body()).get("pipelines")).isEmpty();
        assertThat(get("/pipelines/" + (pipelines.get(0).asLong() + 1)).statusCode()).as("no second pipeline").isEqualTo(404);
    }

    @Test
    void badOrMissingSignaturesAreRefusedAndCreateNothing() throws Exception {
        createMirror("github", null);
        String payload = githubPush("refs/heads/main", ZEROS, head());

        assertThat(github("push", "d-1", payload, signature(payload + " ")).statusCode()).isEqualTo(401);
        assertThat(github("push", "d-2", payload, null).statusCode()).isEqualTo(401);
        assertThat(gitea("push", "d-3", payload, hmac("wrong secret", payload)).statusCode()).isEqualTo(401);
        assertThat(gitlab("Push Hook", "d-4", payload, "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/pipelines/1").statusCode()).isEqualTo(404);

        var valid = github("push", "d-1", payload, signature(payload));
        assertThat(valid.statusCode()).as("the refused delivery id is not burnt").isEqualTo(201);
    }

    @Test
    void gitLabPushAndTagPushHooksAuthenticateByTheirToken() throws Exception {
        createMirror("gitlab", null);
        String after = commitUpstream("second");
        CoordinatorIT.git(upstream, "tag", "v1.0");

        var push = gitlab("Push Hook", "uuid-1", gitlabPush("push", "refs/heads/main", ZEROS, after), SECRET);
        var tag = gitlab("Tag Push Hook", "uuid-2", gitlabPush("tag_push", "refs/tags/v1.0", ZEROS, after), SECRET);
        var deleted = gitlab("Push Hook", "uuid-3", gitlabPush("push", "refs/heads/gone", after, ZEROS), SECRET);

        assertThat(push.statusCode()).as(push.body()).isEqualTo(201);
        assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);
        long tagPipeline = CoordinatorIT.json(tag.body()).get("pipelines").get(0).asLong();
        assertThat(CoordinatorIT.json(get("/pipelines/" + tagPipeline).body()).get("ref").asText()).isEqualTo("v1.0");
        assertThat(CoordinatorIT.json(deleted.body()).get("pipelines")).as("a deleted branch").isEmpty();
    }

    @Test
    void giteaPushesAreVerifiedByTheirSignatureAndPullRequestsRunTheirPipelines() throws Exception {
        createMirror("gitea", null);
        String after = commitUpstream("second");
        String payload = githubPush("refs/heads/main", ZEROS, after);

        var push = gitea("push", "g-1", payload, hmac(SECRET, payload));
        String pr = githubPullRequest("opened", 7, "feature", after);
        var opened = gitea("pull_request", "g-2", pr, hmac(SECRET, pr));
        var again = gitea("pull_request", "g-2", pr, hmac(SECRET, pr));

        assertThat(push.statusCode()).as(push.body()).isEqualTo(201);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.body()).contains("!7", "opened");
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void aPullRequestRunsNoPipelineWhenTheConfigurationHasNoMergeRequestJobs() throws Exception {
        createMirror("github", null);
        String pr = githubPullRequest("synchronize", 12, "topic", head());
        var github = github("pull_request", "p-1", pr, signature(pr));
        String closed = githubPullRequest("closed", 12, "topic", head());
        var closing = github("pull_request", "p-3", closed, signature(closed));
        String ping = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}";
        var pinged = github("ping", "p-2", ping, signature(ping));

        assertThat(github.statusCode()).as(github.body()).isEqualTo(201);
        assertThat(CoordinatorIT.json(github.body()).get("pipelines")).as("job has no merge-request rule: GitLab runs none").isEmpty();
        assertThat(closing.statusCode()).isEqualTo(202);
        assertThat(pinged.statusCode()).isEqualTo(200);
        assertThat(get("/pipelines/1").statusCode()).isEqualTo(404);
    }

    @Test
    void aPullRequestOfAMirrorRunsItsMergeRequestPipelineOnce() throws Exception {
        Files.writeString(upstream.resolve(".gitlab-ci.yml"), """
                review:
                  script: [echo "reviewing !$CI_MERGE_REQUEST_IID from $CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"]
                  rules: [{if: $CI_PIPELINE_SOURCE == "merge_request_event"}]
                """);
        CoordinatorIT.git(upstream, "commit", "-q", "-am", "review job");
        createMirror("github", null);
        CoordinatorIT.git(upstream, "checkout", "-q", "-b", "topic");
        String head = commitUpstream("topic work");
        String pr = githubPullRequest("opened", 5, "topic", head);

        var opened = github("pull_request", "p-1", pr, signature(pr));
        var again = github("pull_request", "p-2", pr, signature(pr));

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode pipelines = CoordinatorIT.json(opened.body()).get("pipelines");
        assertThat(pipelines).hasSize(1);
        var pipeline = CoordinatorIT.json(get("/pipelines/" + pipelines.get(0).asLong()).body());
        assertThat(pipeline.get("sha").asText()).isEqualTo(head);
        assertThat(pipeline.get("ref").asText()).isEqualTo("refs/merge-requests/5/head");
        assertThat(again.statusCode()).as("the same pull request update under a new delivery id").isEqualTo(200);
        String fork = githubPullRequest("synchronize", 6, "elsewhere", "0123456789abcdef0123456789abcdef01234567");
        assertThat(github("pull_request", "p-4", fork, signature(fork)).statusCode()).as("a head not in the mirror").isEqualTo(422);
    }

    @Test
    void aMirrorPipelineReportsItsStatusToTheForge() throws Exception {
        createMirror("github", forge.url() + "/repos/octo/app");
        String after = commitUpstream("second");
        String payload = githubPush("refs/heads/main", ZEROS, after);

        assertThat(github("push", "d-1", payload, signature(payload)).statusCode()).isEqualTo(201);

        Http.await("a status on the fake forge", () -> !forge.requests.isEmpty());
        var request = forge.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/repos/octo/app/statuses/" + after);
        assertThat(request.header("Authorization")).isEqualTo("Bearer forge-token");
        var body = CoordinatorIT.json(request.body());
        assertThat(body.get("state").asText()).isEqualTo("pending");
        assertThat(body.get("context").asText()).isEqualTo("sluice");
        assertThat(body.get("target_url").asText()).as("the pipeline's page in Sluice's web UI").startsWith(server.url() + "/-/pipelines/");

        long pipeline = Long.parseLong(body.get("target_url").asText().replaceAll(".*/", ""));
        assertThat(Http.api("POST", server.url() + "/api/v4/projects/" + projectId + "/pipelines/" + pipeline + "/cancel", null)
                .statusCode()).isEqualTo(201);
        Http.await("the canceled status on the fake forge", () -> forge.requests.stream()
                .anyMatch(r -> r.body().contains("\"state\":\"error\"")));
        assertThat(forge.requests).as("one request per change of status").hasSize(2);
    }

    @Test
    void webhooksNeedAMirrorAKnownForgeAndAWellFormedPayload() throws Exception {
        var plain = Http.api("POST", server.url() + "/api/v4/projects", CoordinatorIT.JSON.writeValueAsString(
                Map.of("name", "plain", "import_url", upstream.toString())));
        long plainId = CoordinatorIT.json(plain.body()).get("id").asLong();
        var noSecret = Http.api("POST", server.url() + "/api/v4/projects", CoordinatorIT.JSON.writeValueAsString(
                Map.of("name", "nosecret", "import_url", upstream.toString(), "mirror", true)));
        assertThat(noSecret.statusCode()).isEqualTo(400);
        assertThat(noSecret.body()).contains("mirror_webhook_secret");
        createMirror("gitlab", null);

        assertThat(Http.send("POST", server.url() + "/api/v4/projects/" + plainId + "/hooks/github", "{}").statusCode()).isEqualTo(404);
        assertThat(Http.send("POST", server.url() + "/api/v4/projects/" + projectId + "/hooks/bitbucket", "{}").statusCode()).isEqualTo(404);
        var malformed = gitlab("Push Hook", "m-1", "{\"object_kind\":\"push\"}", SECRET);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("'ref'");
    }

    // --- the forges' requests, shaped as their documentation shows them ---

    private static String githubPush(String ref, String before, String after) {
        return """
                {"ref":"%s","before":"%s","after":"%s","created":%s,"deleted":%s,"forced":false,
                 "base_ref":null,"compare":"https://github.com/octo/app/compare/x...y",
                 "commits":[],"head_commit":{"id":"%3$s","message":"second","author":{"name":"Ada","email":"ada@example.com"}},
                 "repository":{"id":1296269,"name":"app","full_name":"octo/app","default_branch":"main",
                   "clone_url":"https://github.com/octo/app.git"},
                 "pusher":{"name":"ada","email":"ada@example.com"},"sender":{"login":"ada","id":1}}
                """.formatted(ref, before, after, before.equals(ZEROS), after.equals(ZEROS));
    }

    private static String githubPullRequest(String action, int number, String branch, String sha) {
        return """
                {"action":"%s","number":%d,
                 "pull_request":{"url":"https://api.github.com/repos/octo/app/pulls/%2$d","id":1,"number":%2$d,
                   "state":"open","title":"Add a feature","body":"Please pull",
                   "head":{"label":"octo:%s","ref":"%3$s","sha":"%s"},
                   "base":{"label":"octo:main","ref":"main","sha":"%4$s"}},
                 "repository":{"full_name":"octo/app"},"sender":{"login":"ada"}}
                """.formatted(action, number, branch, sha);
    }

    private static String gitlabPush(String kind, String ref, String before, String after) {
        return """
                {"object_kind":"%s","event_name":"%1$s","before":"%s","after":"%s","ref":"%s",
                 "ref_protected":true,"checkout_sha":"%3$s","user_id":4,"user_name":"Ada","user_username":"ada",
                 "project_id":15,"project":{"id":15,"name":"app","path_with_namespace":"group/app",
                   "default_branch":"main","git_http_url":"https://gitlab.example/group/app.git"},
                 "commits":[],"total_commits_count":0,"repository":{"name":"app"}}
                """.formatted(kind, before, after, ref);
    }

    // --- helpers ---

    private void createMirror(String statusForge, String statusUrl) throws Exception {
        var body = new java.util.LinkedHashMap<String, Object>(Map.of("name", "app", "import_url", upstream.toString(),
                "mirror", true, "mirror_webhook_secret", SECRET));
        if (statusUrl != null) {
            body.putAll(Map.of("mirror_status_forge", statusForge, "mirror_status_url", statusUrl,
                    "mirror_status_token", "forge-token"));
        }
        var created = Http.api("POST", server.url() + "/api/v4/projects", CoordinatorIT.JSON.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(CoordinatorIT.json(created.body()).get("mirror").asBoolean()).isTrue();
        projectId = CoordinatorIT.json(created.body()).get("id").asLong();
    }

    private HttpResponse<String> github(String event, String delivery, String payload, String signature) throws Exception {
        return hook("github", payload, "X-GitHub-Event", event, "X-GitHub-Delivery", delivery, "X-Hub-Signature-256", signature);
    }

    private HttpResponse<String> gitea(String event, String delivery, String payload, String signature) throws Exception {
        return hook("gitea", payload, "X-Gitea-Event", event, "X-Gitea-Delivery", delivery, "X-Gitea-Signature", signature);
    }

    private HttpResponse<String> gitlab(String event, String uuid, String payload, String token) throws Exception {
        return hook("gitlab", payload, "X-Gitlab-Event", event, "X-Gitlab-Event-UUID", uuid, "X-Gitlab-Token", token);
    }

    /** Headers as name/value pairs; a null value leaves the header out. */
    private HttpResponse<String> hook(String forgeName, String payload, String... headers) throws Exception {
        var given = new ArrayList<String>(List.of("Content-Type", "application/json"));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                given.addAll(List.of(headers[i], headers[i + 1]));
            }
        }
        return Http.send("POST", server.url() + "/api/v4/projects/" + projectId + "/hooks/" + forgeName, payload,
                given.toArray(String[]::new));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return Http.api("GET", server.url() + "/api/v4/projects/" + projectId + path, null);
    }

    private static String signature(String payload) {
        return "sha256=" + hmac(SECRET, payload);
    }

    /** Computed here independently of the server's code, with the JDK's HMAC. */
    private static String hmac(String secret, String payload) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private String head() throws Exception {
        return GitRepos.resolve(upstream, "HEAD");
    }

    private String commitUpstream(String message) throws Exception {
        Files.writeString(upstream.resolve("file.txt"), message);
        CoordinatorIT.git(upstream, "add", ".");
        CoordinatorIT.git(upstream, "commit", "-q", "-m", message);
        return head();
    }
}
