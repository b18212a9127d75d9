package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runner.RunnerAgent;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's day, end to end with everything real: a developer clones over HTTP with the git CLI, pushes a
 * branch and opens a merge request whose pipeline runs only the merge-request job on a shell runner; the
 * merge is refused while that pipeline fails and while the approval is missing, each time saying why; a
 * maintainer approves and merges, and the default branch's pipeline builds, deploys to integration and
 * stops at the manual staging gate. A developer's direct push to the protected default branch is refused.
 */
class TeamWorkflowIT {

    static final String CI = """
            stages: [test, build, deploy]
            unit:
              stage: test
              script: [grep -qx green status.txt]
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            build:
              stage: build
              script: [echo "built from $CI_COMMIT_SHORT_SHA" > app.txt]
              artifacts: {paths: [app.txt]}
              rules: [{if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH}]
            deploy_integration:
              stage: deploy
              script: [cat app.txt]
              environment: integration
              rules: [{if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH}]
            deploy_staging:
              stage: deploy
              script: [echo staging]
              environment: staging
              rules: [{if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH, when: manual}]
            """;

    @TempDir
    Path tmp;
    Coordinator server;
    RunnerAgent agent;
    GitClient git;
    long project;

    @BeforeEach
    void start() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(20))
                .withAdminToken(Http.ADMIN_TOKEN));
        git = new GitClient(Files.createDirectories(tmp.resolve("home")));
        Path seed = Files.createDirectories(tmp.resolve("seed"));
        git.run(seed, "init", "-q", "-b", "main").ok();
        Files.writeString(seed.resolve(".gitlab-ci.yml"), CI);
        Files.writeString(seed.resolve("status.txt"), "green\n");
        git.run(seed, "add", ".").ok();
        git.run(seed, "commit", "-q", "-m", "The service").ok();
        project = Rest.ok(201, Rest.call(server, "POST", "/projects",
                "{\"name\":\"service\",\"path\":\"team/service\",\"import_url\":\"" + seed + "\"}")).get("id").asLong();
        var registered = Rest.runner(server, "");
        agent = Rest.shellRunner(server, registered, 2, tmp.resolve("runner"));
    }

    @AfterEach
    void stop() throws Exception {
        agent.shutdown();
        server.close();
    }

    @Test
    void aMergeRequestIsTestedReviewedMergedAndDeployedUpToTheStagingGate() throws Exception {
        String[] alice = GitClient.user(server, "alice", "api");
        String[] bob = GitClient.user(server, "bob", "api");
        GitClient.member(server, project, alice[0], ProjectMembers.DEVELOPER);
        GitClient.member(server, project, bob[0], ProjectMembers.MAINTAINER);
        Rest.ok(201, Rest.call(server, "POST", "/projects/" + project + "/approvals", "{\"approvals_before_merge\":1}"));

        Path work = tmp.resolve("alice");
        git.run(tmp, "clone", "-q", GitClient.url(server, "alice", alice[1], "team/service"), work.toString()).ok();
        git.run(work, "checkout", "-q", "-b", "feature").ok();
        Files.writeString(work.resolve("status.txt"), "red\n");
        git.run(work, "commit", "-q", "-am", "Change the status").ok();
        git.run(work, "push", "-q", "origin", "feature").ok();

        JsonNode mr = Rest.ok(201, api(alice[1], "POST", "/merge_requests",
                "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"Change the status\"}"));
        long failing = mr.get("head_pipeline").get("id").asLong();
        assertThat(awaitFinished(failing)).isEqualTo("failed");
        assertThat(jobs(failing)).as("only the merge-request job").containsExactly(Map.entry("unit", "failed"));

        var refused = api(bob[1], "PUT", "/merge_requests/1/merge", null);
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.body()).contains("failed").contains("approval");

        Files.writeString(work.resolve("status.txt"), "green\n");
        git.run(work, "commit", "-q", "-am", "Fix the status").ok();
        git.run(work, "push", "-q", "origin", "feature").ok();
        long passing = latestPipeline("refs/merge-requests/1/head");
        assertThat(passing).isNotEqualTo(failing);
        assertThat(awaitFinished(passing)).isEqualTo("success");

        var unapproved = api(bob[1], "PUT", "/merge_requests/1/merge", null);
        assertThat(unapproved.statusCode()).isEqualTo(405);
        assertThat(unapproved.body()).contains("approval").doesNotContain("failed");
        assertThat(api(alice[1], "POST", "/merge_requests/1/approve", null).statusCode()).as("authors do not approve").isEqualTo(401);
        Rest.ok(201, api(bob[1], "POST", "/merge_requests/1/approve", null));
        assertThat(Rest.ok(200, api(bob[1], "PUT", "/merge_requests/1/merge", null)).get("state").asText()).isEqualTo("merged");

        long main = latestPipeline("main");
        Http.await("main's pipeline to stop at the staging gate", () -> "manual".equals(status(main)));
        assertThat(jobs(main)).containsExactly(Map.entry("unit", "success"), Map.entry("build", "success"),
                Map.entry("deploy_integration", "success"), Map.entry("deploy_staging", "manual"));

        git.run(work, "checkout", "-q", "main").ok();
        git.run(work, "pull", "-q", "origin", "main").ok();
        Files.writeString(work.resolve("status.txt"), "green, directly\n");
        git.run(work, "commit", "-q", "-am", "Straight to main").ok();
        var direct = git.run(work, "push", "origin", "main").refused();
        assertThat(direct.output()).contains("main");
    }

    private HttpResponse<String> api(String token, String method, String path, String body) throws Exception {
        var headers = new ArrayList<>(List.of("PRIVATE-TOKEN", token));
        if (body != null) {
            headers.addAll(List.of("Content-Type", "application/json"));
        }
        return Http.send(method, server.url() + "/api/v4/projects/" + project + path, body, headers.toArray(String[]::new));
    }

    private long latestPipeline(String ref) throws Exception {
        String encoded = java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode[] found = new JsonNode[1];
        Http.await("a pipeline for " + ref, () -> {
            try {
                found[0] = Rest.ok(200, Rest.call(server, "GET", "/projects/" + project + "/pipelines?ref=" + encoded, null));
                return found[0].size() > 0;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return found[0].get(0).get("id").asLong();
    }

    private String awaitFinished(long pipeline) throws Exception {
        Http.await("pipeline " + pipeline + " to finish", () -> !List.of("created", "pending", "running").contains(status(pipeline)));
        return status(pipeline);
    }

    private String status(long pipeline) {
        try {
            return Rest.ok(200, Rest.call(server, "GET", "/projects/" + project + "/pipelines/" + pipeline, null)).get("status").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Job name to status, in the order the pipeline's stages run them. */
    private Map<String, String> jobs(long pipeline) throws Exception {
        var out = new LinkedHashMap<String, String>();
        List<JsonNode> all = new ArrayList<>();
        Rest.ok(200, Rest.call(server, "GET", "/projects/" + project + "/pipelines/" + pipeline + "/jobs", null)).forEach(all::add);
        all.sort(java.util.Comparator.comparingLong(j -> j.get("id").asLong()));
        all.forEach(j -> out.put(j.get("name").asText(), j.get("status").asText()));
        return out;
    }
}
