package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runner.RunnerAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's REST calls on a real coordinator with a real RunnerAgent: play, cancel and retry. */
class JobActionsIT {

    @TempDir
    Path tmp;
    Coordinator server;
    RunnerAgent agent;
    long projectId;

    @BeforeEach
    void start() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(20)).withAdminToken(Http.ADMIN_TOKEN));
        var reg = CoordinatorIT.json(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}").body());
        agent = Rest.shellRunner(server, reg, 2, tmp.resolve("runner"));
    }

    @AfterEach
    void stop() throws Exception {
        agent.shutdown();
        server.close();
    }

    @Test
    void aManualJobPlayedThroughTheApiRuns() throws Exception {
        long pipeline = pipeline("""
                deploy:
                  when: manual
                  script: [echo deployed by a person]
                """);
        JsonNode deploy = awaitJob(pipeline, "deploy", "manual");
        var played = post("/jobs/" + deploy.get("id").asLong() + "/play");
        assertThat(played.statusCode()).as(played.body()).isEqualTo(200);
        awaitJob(pipeline, "deploy", "success");
        assertThat(Files.readString(server.traceFile(deploy.get("id").asLong()))).contains("deployed by a person");
        assertThat(post("/jobs/" + deploy.get("id").asLong() + "/cancel").statusCode()).as("a finished job").isEqualTo(403);
    }

    @Test
    void aRunningJobCanceledThroughTheApiEndsCanceledAndItsProcessIsGone() throws Exception {
        Path pidFile = tmp.resolve("sleep.pid");
        long pipeline = pipeline("""
                slow:
                  script:
                    - sleep 300 &
                    - echo $! > %s
                    - wait
                """.formatted(pidFile));
        JsonNode slow = awaitJob(pipeline, "slow", "running");
        Http.await("the sleep to start", () -> Files.exists(pidFile) && readPid(pidFile) > 0);
        long pid = readPid(pidFile);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        var canceled = post("/jobs/" + slow.get("id").asLong() + "/cancel");
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(201);
        awaitJob(pipeline, "slow", "canceled");
        Http.await("the job's process to be gone", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(pipelineStatus(pipeline)).isEqualTo("canceled");
    }

    @Test
    void aFailedJobRetriedRunsAgain() throws Exception {
        Path marker = tmp.resolve("second-attempt");
        long pipeline = pipeline("""
                flaky:
                  script:
                    - if [ -f %1$s ]; then echo second attempt passes; else touch %1$s; exit 1; fi
                """.formatted(marker));
        JsonNode first = awaitJob(pipeline, "flaky", "failed");
        assertThat(first.get("failure_reason").asText()).isEqualTo("script_failure");
        var retried = post("/jobs/" + first.get("id").asLong() + "/retry");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        long second = CoordinatorIT.json(retried.body()).get("id").asLong();
        assertThat(second).isNotEqualTo(first.get("id").asLong());
        assertThat(awaitJob(pipeline, "flaky", "success").get("id").asLong()).isEqualTo(second);
        Http.await("the pipeline to pass", () -> pipelineStatus(pipeline).equals("success"));
        var all = CoordinatorIT.json(Http.api("GET", projectUrl() + "/pipelines/" + pipeline + "/jobs?include_retried=true", null).body());
        assertThat(all.size()).as("both attempts with include_retried").isEqualTo(2);
    }

    private long pipeline(String ci) throws Exception {
        projectId = Rest.project(server, tmp, "app", ci);
        return Rest.pipeline(server, projectId, "main");
    }

    private JsonNode awaitJob(long pipeline, String name, String status) throws Exception {
        return Rest.awaitJob(server, projectId, pipeline, name, status);
    }

    private String pipelineStatus(long pipeline) {
        try {
            return CoordinatorIT.json(Http.api("GET", projectUrl() + "/pipelines/" + pipeline, null).body()).get("status").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private java.net.http.HttpResponse<String> post(String path) throws Exception {
        return Http.api("POST", projectUrl() + path, null);
    }

    private String projectUrl() {
        return server.url() + "/api/v4/projects/" + projectId;
    }

    private static long readPid(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
