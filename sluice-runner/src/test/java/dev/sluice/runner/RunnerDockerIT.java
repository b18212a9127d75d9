package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Image;
import dev.sluice.protocol.JobPayload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A runner entry with {@code executor = "docker"} runs the coordinator's job in a container of its image.
 * Needs the engine of {@code scripts/docker-test-env.sh}: no engine is a failure, never a skip.
 */
class RunnerDockerIT extends AgentAgainstFakeCoordinator {

    static final String BUSYBOX = "sluice-test/busybox:latest";

    static String dockerHost() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            throw new AssertionError("DOCKER_HOST is not set: run `eval \"$(scripts/docker-test-env.sh start)\"` first");
        }
        return host;
    }

    @Test
    void aDockerJobRunsInItsImageAndReportsItsExitCode() throws Exception {
        var docker = new RunnerEntry.DockerSettings(Optional.of(dockerHost()), Optional.of(BUSYBOX), List.of("if-not-present"), false);
        JobPayload shell = TestJobs.shell(201, List.of("echo \"$(busybox | sed -n 1p)\"", "echo \"project dir $CI_PROJECT_DIR\"", "exit 4"),
                List.of("echo after $CI_JOB_STATUS"));
        server.enqueue(new JobPayload(shell.id(), shell.token(), shell.allowGitFetch(), shell.jobInfo(), null, shell.runnerInfo(),
                shell.variables(), shell.steps(), new Image(BUSYBOX, "", null, null, null, null, null, Map.of()), List.of(),
                List.of(), List.of(), List.of(), List.of(), shell.features(), Map.of()));
        agent = TestJobs.agent(server.url(), work, 1, e -> new RunnerEntry(e.name(), e.url(), e.id(), e.token(), Optional.empty(), "docker",
                0, 1, 0, Optional.empty(), Optional.empty(), List.of(), docker, false), Duration.ofSeconds(10));
        Await.until("the docker job to finish", Duration.ofSeconds(90), () -> server.finalUpdate(201).isPresent());

        var done = server.finalUpdate(201).orElseThrow();
        assertThat(done.state()).isEqualTo("failed");
        assertThat(done.failureReason()).isEqualTo("script_failure");
        assertThat(done.exitCode()).isEqualTo(4);
        assertThat(server.trace(201)).contains("Using Docker executor with image " + BUSYBOX, "BusyBox v",
                "project dir /builds/testtoke/0/group/app", "after failed");
    }
}
