package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Headers;
import dev.sluice.protocol.JobRequest;
import dev.sluice.protocol.TraceChecksum;
import dev.sluice.protocol.UpdateJobRequest;
import dev.sluice.protocol.Variable;
import java.nio.charset.StandardCharsets;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The fake coordinator hands out real shell jobs; the runner runs them and reports as gitlab-runner does. */
class RunnerEndToEndTest extends AgentAgainstFakeCoordinator {

    void startRunner() throws Exception {
        agent = TestJobs.agent(server.url(), work, 2, e -> e, Duration.ofSeconds(5));
    }

    UpdateJobRequest awaitFinal(long id) {
        Await.until("final update of job " + id, () -> server.finalUpdate(id).isPresent());
        return server.finalUpdate(id).orElseThrow();
    }

    @Test
    void aSucceedingJobIsAckedTracedInOrderAndReportedWithItsChecksum() throws Exception {
        server.enqueue(TestJobs.shell(101, List.of("echo one", "echo two", "echo three"), List.of()));
        startRunner();
        UpdateJobRequest done = awaitFinal(101);

        assertThat(done.state()).isEqualTo("success");
        assertThat(done.exitCode()).isNull();
        assertThat(done.failureReason()).isNull();
        String trace = server.trace(101);
        assertThat(trace).containsSubsequence("Running job job101 (101)", "one\n", "two\n", "three\n", "Job succeeded");
        byte[] bytes = trace.getBytes(StandardCharsets.UTF_8);
        assertThat(done.output().bytesize()).isEqualTo(bytes.length);
        assertThat(done.output().checksum()).isEqualTo(TraceChecksum.of(bytes).checksum()).isEqualTo(done.checksum());

        var jobCalls = server.calls.stream().filter(c -> c.path().startsWith("/api/v4/jobs/101")).toList();
        var ack = jobCalls.get(0);
        assertThat(ack.method()).as("two-phase commit: the ack comes first").isEqualTo("PUT");
        assertThat(ack.json(UpdateJobRequest.class).state()).isEqualTo("running");
        assertThat(jobCalls).allSatisfy(c -> assertThat(c.header(Headers.JOB_TOKEN)).isEqualTo("glcbt-job101"));
        assertThat(server.calls("PATCH", "/api/v4/jobs/101/trace")).isNotEmpty().allSatisfy(
                c -> assertThat(c.header(Headers.CONTENT_RANGE)).matches("\\d+-\\d+"));
    }

    @Test
    void aFailingScriptReportsScriptFailureAndItsExitCode() throws Exception {
        server.enqueue(TestJobs.shell(102, List.of("echo bad", "exit 3"), List.of("echo after $CI_JOB_STATUS")));
        startRunner();
        UpdateJobRequest done = awaitFinal(102);

        assertThat(done.state()).isEqualTo("failed");
        assertThat(done.failureReason()).isEqualTo("script_failure");
        assertThat(done.exitCode()).isEqualTo(3);
        assertThat(server.trace(102)).containsSubsequence("bad\n", "after failed\n", "Job failed: exit code 3");
    }

    @Test
    void maskedVariablesNeverReachTheTrace() throws Exception {
        server.enqueue(TestJobs.shell(103, List.of("echo \"secret is $TOKEN\""), List.of(),
                List.of(new Variable("TOKEN", "hunter2-hunter2", false, true, false, false))));
        startRunner();
        awaitFinal(103);
        assertThat(server.trace(103)).contains("secret is [MASKED]").doesNotContain("hunter2");
    }

    @Test
    void idlePollingSends204sLastUpdateBack() throws Exception {
        startRunner();
        Await.until("three polls", () -> server.calls("POST", "/api/v4/jobs/request").size() >= 3);
        var polls = server.calls("POST", "/api/v4/jobs/request");
        JobRequest first = polls.get(0).json(JobRequest.class);
        assertThat(first.lastUpdate()).as("omitted on the first call").isNull();
        assertThat(first.token()).isEqualTo("glrt-testtoken");
        assertThat(first.systemId()).isEqualTo("s_0123456789ab");
        assertThat(first.info().executor()).isEqualTo("shell");
        assertThat(first.info().features()).containsEntry("two_phase_job_commit", true);
        assertThat(polls.get(0).header(Headers.RUNNER_TOKEN)).isEqualTo("glrt-testtoken");
        assertThat(polls.get(1).json(JobRequest.class).lastUpdate()).isEqualTo("v0");

        server.enqueue(TestJobs.shell(104, List.of("true"), List.of()));
        awaitFinal(104);
        Await.until("a poll after the job", () -> server.calls("POST", "/api/v4/jobs/request").stream()
                .anyMatch(c -> "v1".equals(c.json(JobRequest.class).lastUpdate())));
    }

    @Test
    void cancelingRunsAfterScriptAndReportsFailed() throws Exception {
        server.enqueue(TestJobs.shell(105, List.of("echo started", "sleep 30", "echo never"), List.of("echo after $CI_JOB_STATUS")));
        startRunner();
        Await.until("the script to start", () -> server.trace(105).contains("started"));
        server.status.put(105L, "canceling");
        UpdateJobRequest done = awaitFinal(105);

        assertThat(done.state()).isEqualTo("failed");
        assertThat(server.trace(105)).contains("after canceled").doesNotContain("never");
        // the fake logs a call when it arrives and changes the job's status while it handles it
        Await.until("the server to end the job as canceled", () -> "canceled".equals(server.status.get(105L)));
    }

    @Test
    void canceledOr403AbortsAtOnceWithoutAfterScriptOrFinalUpdate() throws Exception {
        server.enqueue(TestJobs.shell(106, List.of("echo started", "sleep 30"), List.of("echo after")));
        startRunner();
        Await.until("the script to start", () -> server.trace(106).contains("started"));
        server.status.put(106L, "canceled");
        Await.until("the job to end", () -> agent.runningJobs() == 0);

        assertThat(server.finalUpdate(106)).isEmpty();
        assertThat(server.trace(106)).doesNotContain("after");
    }
}
