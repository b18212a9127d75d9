package dev.sluice.server;

import static dev.sluice.server.CoordinatorIT.git;
import static dev.sluice.server.CoordinatorIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API people and tools use, in GitLab's JSON shapes, with GitLab's pagination headers. */
class RestApiIT {

    @TempDir
    Path tmp;
    Coordinator server;
    String api;

    @BeforeEach
    void start() {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(5))
                .withAdminToken(Http.ADMIN_TOKEN));
        api = server.url() + "/api/v4";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path repo() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), "build:\n  script: [echo hi]\nlater:\n  script: [echo later]\n  when: manual\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "init");
        return repo;
    }

    private long project(String path, Path repo) throws Exception {
        var created = Http.api("POST", api + "/projects", "{\"name\":\"" + path + "\",\"path\":\"" + path + "\",\"import_url\":\"" + repo + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).get("id").asLong();
    }

    @Test
    void listsArePagedTheGitLabWay() throws Exception {
        Path repo = repo();
        for (String p : new String[] {"one", "two", "group/three"}) {
            project(p, repo);
        }
        var first = Http.api("GET", api + "/projects?per_page=2");
        assertThat(json(first.body()).findValues("path_with_namespace").stream().map(JsonNode::asText)).containsExactly("one", "two");
        assertThat(first.headers().firstValue("X-Total")).hasValue("3");
        assertThat(first.headers().firstValue("X-Total-Pages")).hasValue("2");
        assertThat(first.headers().firstValue("X-Page")).hasValue("1");
        assertThat(first.headers().firstValue("X-Per-Page")).hasValue("2");
        assertThat(first.headers().firstValue("X-Next-Page")).hasValue("2");
        assertThat(first.headers().firstValue("Link").orElseThrow())
                .contains("<" + api + "/projects?page=2&per_page=2>; rel=\"next\"", "rel=\"first\"", "rel=\"last\"");
        var second = Http.api("GET", api + "/projects?per_page=2&page=2");
        assertThat(json(second.body())).hasSize(1);
        assertThat(second.headers().firstValue("X-Next-Page")).hasValue("");
        assertThat(second.headers().firstValue("X-Prev-Page")).hasValue("1");

        assertThat(Http.api("GET", api + "/projects?page=0").statusCode()).isEqualTo(400);
        assertThat(Http.api("GET", api + "/projects?per_page=lots").body()).contains("per_page must be a whole number");
    }

    @Test
    void aProjectIsNamedByIdOrByItsUrlEncodedPath() throws Exception {
        long id = project("group/app", repo());
        var byPath = Http.api("GET", api + "/projects/group%2Fapp");
        assertThat(byPath.statusCode()).as(byPath.body()).isEqualTo(200);
        assertThat(json(byPath.body()).get("id").asLong()).isEqualTo(id);
        assertThat(json(byPath.body()).get("path").asText()).isEqualTo("app");
        assertThat(json(Http.api("GET", api + "/projects/" + id).body()).get("path_with_namespace").asText()).isEqualTo("group/app");
        assertThat(Http.api("GET", api + "/projects/nope").statusCode()).isEqualTo(404);
        assertThat(Http.api("GET", api + "/projects/123456789012345678901234567890").statusCode()).isEqualTo(404);
        assertThat(Http.api("POST", api + "/projects/group%2Fapp/pipeline?ref=main").statusCode()).isEqualTo(201);
    }

    @Test
    void pipelinesAndJobsAreListedNewestFirstAndFiltered() throws Exception {
        long id = project("app", repo());
        String sha = json(Http.api("POST", api + "/projects/" + id + "/pipeline?ref=main").body()).get("sha").asText();
        Http.api("POST", api + "/projects/" + id + "/pipeline?ref=main");

        var pipelines = json(Http.api("GET", api + "/projects/" + id + "/pipelines").body());
        assertThat(pipelines.findValues("id").stream().map(JsonNode::asLong)).containsExactly(2L, 1L);
        assertThat(json(Http.api("GET", api + "/projects/" + id + "/pipelines?ref=other").body())).isEmpty();
        assertThat(json(Http.api("GET", api + "/projects/" + id + "/pipelines?sha=" + sha + "&status=pending").body())).hasSize(2);
        assertThat(Http.api("GET", api + "/projects/" + id + "/pipelines?status=bogus").statusCode()).isEqualTo(400);

        var jobs = Http.api("GET", api + "/projects/" + id + "/jobs");
        assertThat(jobs.headers().firstValue("X-Total")).hasValue("4");
        assertThat(json(jobs.body()).get(0).get("pipeline").get("id").asLong()).isEqualTo(2);
        var manual = json(Http.api("GET", api + "/projects/" + id + "/jobs?scope[]=manual").body());
        assertThat(manual.findValues("name").stream().map(JsonNode::asText)).containsExactly("later", "later");
        assertThat(json(Http.api("GET", api + "/projects/" + id + "/jobs?scope[]=manual&scope[]=pending").body())).hasSize(4);
        assertThat(Http.api("GET", api + "/projects/" + id + "/jobs?scope[]=sleepy").body()).contains("scope does not have a valid value");
    }

    @Test
    void aJobsTraceAndArtifactsAreReadAsTheRunnerSentThem() throws Exception {
        String runner = CoordinatorIT.runnerWithAPendingJob(server, tmp);
        var taken = json(Http.send("POST", api + "/jobs/request", "{\"token\":\"" + runner + "\"}").body());
        long job = taken.get("id").asLong();
        Http.send("PATCH", api + "/jobs/" + job + "/trace", "hello log\n", "JOB-TOKEN", taken.get("token").asText(),
                "Content-Range", "0-9");

        var trace = Http.api("GET", api + "/projects/1/jobs/" + job + "/trace");
        assertThat(trace.statusCode()).isEqualTo(200);
        assertThat(trace.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(trace.body()).isEqualTo("hello log\n");
        assertThat(Http.api("GET", api + "/projects/1/jobs/" + job + "/artifacts").statusCode()).as("none uploaded").isEqualTo(404);
        assertThat(Http.api("GET", api + "/projects/1/jobs/99/trace").statusCode()).isEqualTo(404);
        assertThat(Http.send("GET", api + "/projects/1/jobs/" + job + "/trace", null).statusCode()).isEqualTo(401);
    }

    @Test
    void runnersAreListedChangedAndDeletedByAnAdmin() throws Exception {
        String runnerToken = CoordinatorIT.runnerWithAPendingJob(server, tmp);
        long job = json(Http.send("POST", api + "/jobs/request", "{\"token\":\"" + runnerToken + "\"}").body()).get("id").asLong();

        var list = json(Http.api("GET", api + "/runners").body());
        assertThat(list).hasSize(1);
        long id = list.get(0).get("id").asLong();
        assertThat(json(Http.api("GET", api + "/runners/all").body())).hasSize(1);

        var changed = Http.api("PUT", api + "/runners/" + id,
                "{\"description\":\"big box\",\"paused\":true,\"tag_list\":\"linux, big\",\"access_level\":\"ref_protected\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        var shown = json(Http.api("GET", api + "/runners/" + id).body());
        assertThat(shown.get("description").asText()).isEqualTo("big box");
        assertThat(shown.get("paused").asBoolean()).isTrue();
        assertThat(shown.get("active").asBoolean()).isFalse();
        assertThat(shown.get("tag_list").toString()).isEqualTo("[\"linux\",\"big\"]");
        assertThat(shown.get("access_level").asText()).isEqualTo("ref_protected");
        assertThat(Http.api("PUT", api + "/runners/" + id, "{\"access_level\":\"everyone\"}").statusCode()).isEqualTo(400);
        assertThat(Http.api("PUT", api + "/runners/" + id, "{\"paused\":\"maybe\"}").statusCode()).isEqualTo(400);

        var jobs = json(Http.api("GET", api + "/runners/" + id + "/jobs").body());
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("id").asLong()).isEqualTo(job);
        assertThat(json(Http.api("GET", api + "/runners/" + id + "/jobs?status=success").body())).isEmpty();

        assertThat(Http.api("DELETE", api + "/runners/" + id).statusCode()).isEqualTo(204);
        assertThat(Http.api("GET", api + "/runners/" + id).statusCode()).isEqualTo(404);
        assertThat(Http.send("POST", api + "/jobs/request", "{\"token\":\"" + runnerToken + "\"}").statusCode())
                .as("a deleted runner's token is dead").isEqualTo(403);
    }
}
