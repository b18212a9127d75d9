package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.runner.RunnerAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything real over loopback: the coordinator, a RunnerAgent with the shell executor, a git repository. */
class CoordinatorIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Coordinator server;
    RunnerAgent agent;

    @BeforeEach
    void start() {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(20)).withAdminToken(Http.ADMIN_TOKEN));
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.shutdown();
        }
        server.close();
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    static void git(Path dir, String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@x"));
        cmd.addAll(List.of(args));
        assertThat(new ProcessBuilder(cmd).inheritIO().start().waitFor()).isZero();
    }

    @Test
    void aTwoStagePipelineRunsToSuccessOnARegisteredRunner() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), """
                stages: [build, test]
                build:
                  stage: build
                  script:
                    - echo building $CI_JOB_NAME
                    - mkdir -p out && echo "artifact from build" > out/made.txt
                    - echo "BUILD_VERSION=1.2.3" > build.env
                  artifacts:
                    paths: [out/]
                    reports:
                      dotenv: build.env
                test:
                  stage: test
                  script: [echo testing, cat README, cat out/made.txt, echo "version is $BUILD_VERSION"]
                """);
        Files.writeString(repo.resolve("README"), "hello from the repo\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "init");

        var reg = Http.send("POST", server.url() + "/api/v4/runners",
                "{\"token\":\"reg-token\",\"description\":\"it\",\"tag_list\":\"\"}", "Content-Type", "application/json");
        assertThat(reg.statusCode()).isEqualTo(201);
        assertThat(reg.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        String token = json(reg.body()).get("token").asText();
        assertThat(token).startsWith("glrt-");

        agent = Rest.shellRunner(server, json(reg.body()), 2, tmp.resolve("runner"));

        var project = Http.api("POST", server.url() + "/api/v4/projects",
                JSON.writeValueAsString(java.util.Map.of("name", "app", "path", "group/app", "import_url", repo.toString())),
                "Content-Type", "application/json");
        assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
        long projectId = json(project.body()).get("id").asLong();

        var created = Http.api("POST", server.url() + "/api/v4/projects/" + projectId + "/pipeline?ref=main", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long pipelineId = json(created.body()).get("id").asLong();

        String pipelineUrl = server.url() + "/api/v4/projects/" + projectId + "/pipelines/" + pipelineId;
        Http.await("the pipeline to finish", () -> {
            try {
                String s = json(Http.api("GET", pipelineUrl, null).body()).get("status").asText();
                return s.equals("success") || s.equals("failed");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(json(Http.api("GET", pipelineUrl, null).body()).get("status").asText()).isEqualTo("success");
        String traces = Files.readString(server.traceFile(1)) + Files.readString(server.traceFile(2));
        assertThat(traces).contains("building build", "testing", "hello from the repo", "Job succeeded");
        assertThat(Files.readString(server.traceFile(2))).as("the artifact and the dotenv variable reach the test job")
                .contains("artifact from build", "version is 1.2.3");
    }

    @Test
    void anInvalidConfigurationGivesAFailedPipelineWithItsErrors() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("bad"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), "build:\n  scirpt: [echo]\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "init");
        var project = Http.api("POST", server.url() + "/api/v4/projects",
                JSON.writeValueAsString(java.util.Map.of("name", "bad", "import_url", repo.toString())), "Content-Type", "application/json");
        long projectId = json(project.body()).get("id").asLong();
        var created = json(Http.api("POST", server.url() + "/api/v4/projects/" + projectId + "/pipeline?ref=main", null).body());
        assertThat(created.get("status").asText()).isEqualTo("failed");
        assertThat(created.get("yaml_errors").asText()).contains("scirpt");
    }

    /**
     * A project whose pipeline has one job (echo hi), pending, and a runner registered with
     * {@code reg-token}; returns the runner's token.
     */
    static String runnerWithAPendingJob(Coordinator server, Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), "only:\n  script: [echo hi]\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "init");
        String runner = json(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}").body())
                .get("token").asText();
        var created = Http.api("POST", server.url() + "/api/v4/projects", "{\"name\":\"p\",\"import_url\":\"" + repo + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var pipeline = Http.api("POST", server.url() + "/api/v4/projects/" + json(created.body()).get("id").asLong() + "/pipeline?ref=main", null);
        assertThat(pipeline.statusCode()).as(pipeline.body()).isEqualTo(201);
        return runner;
    }
}
