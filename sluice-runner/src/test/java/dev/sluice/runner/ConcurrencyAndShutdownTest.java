package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.UnregisterRunnerRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concurrent}, {@code limit} and {@code request_concurrency}, and the graceful stop. */
class ConcurrencyAndShutdownTest {

    @TempDir
    Path work;

    final FakeCoordinator server = FakeCoordinator.unchecked();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A job that runs until the test creates the gate file. */
    List<String> gated() {
        return List.of("echo started", "while [ ! -f '" + work.resolve("gate") + "' ]; do sleep 0.02; done", "echo through");
    }

    void openGate() throws Exception {
        Files.writeString(work.resolve("gate"), "");
    }

    void awaitSuccess(long... ids) {
        for (long id : ids) {
            Await.until("job " + id + " to succeed", () -> server.finalUpdate(id).map(u -> u.state().equals("success")).orElse(false));
        }
    }

    @Test
    void concurrentCapsJobsAcrossRequesters() throws Exception {
        for (long id = 1; id <= 4; id++) {
            server.enqueue(TestJobs.shell(id, gated(), List.of()));
        }
        var agent = TestJobs.agent(server.url(), work, 2, e -> e.withLimit(0, 3), Duration.ofSeconds(5));
        Await.until("two jobs running", () -> agent.runningJobs() == 2);
        assertThat(server.pendingJobs()).as("no job taken without a free slot").isEqualTo(2);

        openGate();
        awaitSuccess(1, 2, 3, 4);
        agent.shutdown();
        assertThat(server.maxRunning).isEqualTo(2);
    }

    @Test
    void limitCapsOneRunnerEntryBelowConcurrent() throws Exception {
        for (long id = 1; id <= 3; id++) {
            server.enqueue(TestJobs.shell(id, gated(), List.of()));
        }
        var agent = TestJobs.agent(server.url(), work, 4, e -> e.withLimit(1, 2), Duration.ofSeconds(5));
        Await.until("one job running", () -> agent.runningJobs() == 1);
        assertThat(server.pendingJobs()).isEqualTo(2);

        openGate();
        awaitSuccess(1, 2, 3);
        agent.shutdown();
        assertThat(server.maxRunning).isEqualTo(1);
    }

    @Test
    void gracefulShutdownStopsTakingJobsLetsTheRunningOneFinishAndUnregisters() throws Exception {
        server.enqueue(TestJobs.shell(1, gated(), List.of()));
        var agent = TestJobs.agent(server.url(), work, 2, e -> e.withUnregisterOnShutdown(true), Duration.ofSeconds(20));
        Await.until("the job to start", () -> server.trace(1).contains("started"));
        server.always(c -> c.method().equals("DELETE"), c -> FakeCoordinator.Reply.of(204, java.util.Map.of()));

        Thread stopping = Thread.ofVirtual().start(() -> {
            try {
                agent.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.until("requests to stop", () -> !agent.acceptingJobs());
        server.enqueue(TestJobs.shell(2, List.of("true"), List.of()));
        assertThat(stopping.isAlive()).as("shutdown waits for the running job").isTrue();
        openGate();
        stopping.join(Duration.ofSeconds(20));

        assertThat(stopping.isAlive()).isFalse();
        assertThat(server.finalUpdate(1).orElseThrow().state()).isEqualTo("success");
        assertThat(server.pendingJobs()).as("no job taken after the shutdown began").isEqualTo(1);
        var delete = server.calls("DELETE", "/api/v4/runners/managers");
        assertThat(delete).hasSize(1);
        assertThat(delete.get(0).json(UnregisterRunnerRequest.class))
                .isEqualTo(new UnregisterRunnerRequest("glrt-testtoken", "s_0123456789ab"));
    }

    @Test
    void jobsStillRunningAfterTheShutdownTimeoutAreCanceledAndReportedAsSystemFailures() throws Exception {
        server.enqueue(TestJobs.shell(1, List.of("echo started", "sleep 30"), List.of("echo after $CI_JOB_STATUS")));
        var agent = TestJobs.agent(server.url(), work, 1, e -> e, Duration.ofMillis(300));
        Await.until("the job to start", () -> server.trace(1).contains("started"));
        agent.shutdown();

        var done = server.finalUpdate(1).orElseThrow();
        assertThat(done.state()).isEqualTo("failed");
        assertThat(done.failureReason()).isEqualTo("runner_system_failure");
        assertThat(server.trace(1)).contains("after canceled");
        assertThat(agent.runningJobs()).isZero();
    }
}
