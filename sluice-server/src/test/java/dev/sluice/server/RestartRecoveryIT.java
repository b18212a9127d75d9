package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator stopped mid-pipeline and started again on the same data directory picks the pipeline up:
 * the runner's job tokens still work, jobs pending in the lost in-memory queue are handed out again, a
 * job end that reached its row but not the journal (the server died in between) is caught up, delayed
 * jobs' timers are armed again, and a finished pipeline is loaded again when a person retries a job.
 * The runner is played by hand over the runner API, so each step is one request.
 */
class RestartRecoveryIT {

    @TempDir
    Path tmp;
    Coordinator server;
    String runnerToken;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPipelineResumesWhereTheStoppedServerLeftIt() throws Exception {
        start();
        runnerToken = CoordinatorIT.json(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}").body())
                .get("token").asText();
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        CoordinatorIT.git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), """
                stages: [build, test, deploy]
                build: {stage: build, script: echo b}
                build2: {stage: build, script: echo b2}
                build3: {stage: build, script: echo b3}
                test: {stage: test, script: echo t}
                later: {stage: deploy, when: delayed, start_in: 3 seconds, script: echo l}
                """);
        CoordinatorIT.git(repo, "add", ".");
        CoordinatorIT.git(repo, "commit", "-q", "-m", "init");
        long project = CoordinatorIT.json(Http.api("POST", server.url() + "/api/v4/projects",
                "{\"name\":\"r\",\"import_url\":\"" + repo + "\"}").body()).get("id").asLong();
        long pipeline = CoordinatorIT.json(Http.api("POST", server.url() + "/api/v4/projects/" + project + "/pipeline?ref=main", null)
                .body()).get("id").asLong();
        JsonNode build = take();
        JsonNode build2 = take();
        assertThat(build.get("job_info").get("name").asText()).isEqualTo("build");
        assertThat(build2.get("job_info").get("name").asText()).isEqualTo("build2");

        server.close();
        // What a kill -9 can leave: a runner's "success" for build stored on its row but not yet journaled, and
        // build2 handed to a runner but its start not yet journaled.
        Jdbi.create(DatabaseConfig.h2(tmp.resolve("data")).url(), "sa", "").useHandle(h -> {
            h.execute("update jobs set status = 'success' where id = ?", build.get("id").asLong());
            assertThat(h.execute("delete from pipeline_events where event like '%\"job_started\"%' and event like '%\"job\":2}'"))
                    .isEqualTo(1);
        });
        start();

        assertThat(finish(build2).statusCode()).as("the job token outlives the restart").isEqualTo(200);
        JsonNode build3 = take();
        assertThat(build3.get("job_info").get("name").asText()).as("pending before the restart, handed out after").isEqualTo("build3");
        assertThat(finish(build3).statusCode()).isEqualTo(200);
        JsonNode test = take();
        assertThat(test.get("job_info").get("name").asText()).isEqualTo("test");
        assertThat(variables(test)).containsEntry("CI_JOB_ID", test.get("id").asText())
                .containsEntry("CI_JOB_URL", server.url() + "/r/-/jobs/" + test.get("id").asText());
        assertThat(finish(test).statusCode()).isEqualTo(200);
        Http.await("later to be scheduled", () -> status(project, pipeline, "later").equals("scheduled"));

        restart();
        JsonNode later = take();
        assertThat(later.get("job_info").get("name").asText()).as("the delay's timer fires after the restart").isEqualTo("later");
        assertThat(finish(later).statusCode()).isEqualTo(200);
        Http.await("the pipeline to pass", () -> pipelineStatus(project, pipeline).equals("success"));

        restart();
        var retried = Http.api("POST", server.url() + "/api/v4/projects/" + project + "/jobs/" + test.get("id").asLong() + "/retry", null);
        assertThat(retried.statusCode()).as("a finished pipeline is loaded again to be retried: " + retried.body()).isEqualTo(201);
        JsonNode again = take();
        assertThat(again.get("id").asLong()).isEqualTo(CoordinatorIT.json(retried.body()).get("id").asLong());
        assertThat(finish(again).statusCode()).isEqualTo(200);
        Http.await("the pipeline to pass again", () -> pipelineStatus(project, pipeline).equals("success"));
        var jobs = CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + project + "/pipelines/" + pipeline
                + "/jobs?include_retried=true", null).body());
        assertThat(jobs).hasSize(6).allSatisfy(j -> assertThat(j.get("status").asText()).isEqualTo("success"));
    }

    private void start() {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(5)).withAdminToken(Http.ADMIN_TOKEN));
    }

    private void restart() {
        server.close();
        start();
    }

    /** Takes the next job as the runner would; waits for one to be pending. */
    private JsonNode take() throws Exception {
        var taken = new java.net.http.HttpResponse[1];
        Http.await("a job to take", () -> {
            try {
                taken[0] = Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + runnerToken + "\"}");
                return taken[0].statusCode() == 201;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return CoordinatorIT.json((String) taken[0].body());
    }

    private java.net.http.HttpResponse<String> finish(JsonNode job) throws Exception {
        return Http.send("PUT", server.url() + "/api/v4/jobs/" + job.get("id").asLong(),
                "{\"token\":\"" + job.get("token").asText() + "\",\"state\":\"success\"}");
    }

    private static Map<String, String> variables(JsonNode payload) {
        Map<String, String> out = new HashMap<>();
        payload.get("variables").forEach(v -> out.put(v.get("key").asText(), v.get("value").asText()));
        return out;
    }

    private String status(long project, long pipeline, String name) {
        try {
            for (JsonNode j : CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + project + "/pipelines/"
                    + pipeline + "/jobs", null).body())) {
                if (j.get("name").asText().equals(name)) {
                    return j.get("status").asText();
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String pipelineStatus(long project, long pipeline) {
        try {
            return CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + project + "/pipelines/" + pipeline, null)
                    .body()).get("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
