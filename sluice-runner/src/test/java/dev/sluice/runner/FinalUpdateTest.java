package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Headers;
import dev.sluice.protocol.UpdateJobRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** Replies to the final {@code PUT} (§3.2): 202 asks again, 412 re-sends the whole trace, 403 on the ack drops the job. */
class FinalUpdateTest extends AgentAgainstFakeCoordinator {

    static Predicate<FakeCoordinator.Call> finalPut(long id) {
        return c -> c.method().equals("PUT") && c.path().equals("/api/v4/jobs/" + id)
                && !c.json(UpdateJobRequest.class).state().equals("running");
    }

    List<String> finalStates(long id) {
        return server.calls("PUT", "/api/v4/jobs/" + id).stream().map(c -> c.json(UpdateJobRequest.class).state())
                .filter(s -> !s.equals("running")).toList();
    }

    @Test
    void accepted202IsAskedAgainUntil200() throws Exception {
        server.once(finalPut(1), c -> FakeCoordinator.Reply.of(202, Map.of(Headers.TRACE_UPDATE_INTERVAL, "1")));
        server.enqueue(TestJobs.shell(1, List.of("echo hi"), List.of()));
        agent = TestJobs.agent(server.url(), work, 1, e -> e, Duration.ofSeconds(5));
        Await.until("two final updates", () -> finalStates(1).size() == 2);
        assertThat(finalStates(1)).containsExactly("success", "success");
    }

    @Test
    void preconditionFailed412ResendsTheTraceFromZeroThenRepeatsTheUpdate() throws Exception {
        server.once(finalPut(2), c -> FakeCoordinator.Reply.of(412, Map.of()));
        server.enqueue(TestJobs.shell(2, List.of("echo hi"), List.of()));
        agent = TestJobs.agent(server.url(), work, 1, e -> e, Duration.ofSeconds(5));
        Await.until("two final updates", () -> finalStates(2).size() == 2);

        var calls = server.calls.stream().filter(c -> c.path().startsWith("/api/v4/jobs/2")).toList();
        int first412 = calls.indexOf(calls.stream().filter(finalPut(2)).findFirst().orElseThrow());
        var resent = calls.get(first412 + 1);
        assertThat(resent.method()).isEqualTo("PATCH");
        assertThat(resent.header(Headers.CONTENT_RANGE)).startsWith("0-");
        assertThat(server.trace(2)).contains("hi\n");
    }

    @Test
    void aForbiddenAckDropsTheJobSilently() throws Exception {
        server.once(c -> c.method().equals("PUT") && c.path().equals("/api/v4/jobs/3"),
                c -> FakeCoordinator.Reply.of(403, Map.of(Headers.JOB_STATUS, "failed")));
        server.enqueue(TestJobs.shell(3, List.of("echo should-not-run"), List.of()));
        server.enqueue(TestJobs.shell(4, List.of("echo next"), List.of()));
        agent = TestJobs.agent(server.url(), work, 1, e -> e, Duration.ofSeconds(5));
        Await.until("the next job", () -> server.finalUpdate(4).isPresent());

        assertThat(server.calls.stream().filter(c -> c.path().startsWith("/api/v4/jobs/3"))).hasSize(1);
        assertThat(server.trace(3)).isEmpty();
    }
}
