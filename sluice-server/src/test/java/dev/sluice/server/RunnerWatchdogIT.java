package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner that takes a job and then says nothing: the job fails with runner_system_failure and is retried. */
class RunnerWatchdogIT {

    @TempDir
    Path tmp;
    Coordinator server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSilentRunnersJobFailsAndIsRetriedWhenItsRetryAllows() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(5)).withAdminToken(Http.ADMIN_TOKEN)
                .withRunnerTimeout(Duration.ofMillis(800)));
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        CoordinatorIT.git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), """
                lost:
                  script: [echo hi]
                  retry:
                    max: 1
                    when: runner_system_failure
                """);
        CoordinatorIT.git(repo, "add", ".");
        CoordinatorIT.git(repo, "commit", "-q", "-m", "init");
        String runner = CoordinatorIT.json(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}").body())
                .get("token").asText();
        long project = CoordinatorIT.json(Http.api("POST", server.url() + "/api/v4/projects",
                "{\"name\":\"p\",\"import_url\":\"" + repo + "\"}").body()).get("id").asLong();
        long pipeline = CoordinatorIT.json(Http.api("POST", server.url() + "/api/v4/projects/" + project + "/pipeline?ref=main", null)
                .body()).get("id").asLong();
        String jobsUrl = server.url() + "/api/v4/projects/" + project + "/pipelines/" + pipeline + "/jobs?include_retried=true";

        var first = CoordinatorIT.json(Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + runner + "\"}").body());
        long firstId = first.get("id").asLong();
        Http.await("the silent job to fail", () -> status(jobsUrl, firstId).equals("failed"));
        JsonNode jobs = CoordinatorIT.json(Http.api("GET", jobsUrl, null).body());
        assertThat(jobs.get(0).get("failure_reason").asText()).isEqualTo("runner_system_failure");
        var late = Http.send("PUT", server.url() + "/api/v4/jobs/" + firstId,
                "{\"token\":\"" + first.get("token").asText() + "\",\"state\":\"success\"}");
        assertThat(late.statusCode()).as("the silent runner lost the job").isEqualTo(403);

        // A long poll (last_update given): the retry is offered just after the failed row is stored.
        var second = Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + runner + "\",\"last_update\":\"0\"}");
        assertThat(second.statusCode()).as("the retry is handed out").isEqualTo(201);
        long secondId = CoordinatorIT.json(second.body()).get("id").asLong();
        assertThat(secondId).isNotEqualTo(firstId);
        String token = CoordinatorIT.json(second.body()).get("token").asText();
        // A runner that keeps reporting keeps its job past the timeout.
        long until = System.nanoTime() + Duration.ofMillis(2000).toNanos();
        while (System.nanoTime() < until) {
            var alive = Http.send("PUT", server.url() + "/api/v4/jobs/" + secondId, "{\"token\":\"" + token + "\",\"state\":\"running\"}");
            assertThat(alive.statusCode()).isEqualTo(200);
            Thread.sleep(200); // the runner's update interval, not synchronisation
        }
        assertThat(status(jobsUrl, secondId)).isEqualTo("running");
    }

    private static String status(String jobsUrl, long id) {
        try {
            for (JsonNode job : CoordinatorIT.json(Http.api("GET", jobsUrl, null).body())) {
                if (job.get("id").asLong() == id) {
                    return job.get("status").asText();
                }
            }
            return "";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
