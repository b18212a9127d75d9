package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator that holds {@code jobs/request} open (long polling, §2.3): requesters in flight, and stopping. */
class LongPollTest {

    @TempDir
    Path work;

    final FakeCoordinator server = FakeCoordinator.unchecked();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    void holdRequests() {
        server.always(c -> c.path().equals("/api/v4/jobs/request"), c -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return FakeCoordinator.Reply.of(204, Map.of("X-GitLab-Last-Update", "held"));
        });
    }

    @Test
    void requestConcurrencyRequestsAreHeldAtOnceAndShutdownDoesNotWaitForThem() throws Exception {
        holdRequests();
        var agent = TestJobs.agent(server.url(), work, 4, e -> e.withLimit(0, 3), Duration.ofSeconds(5));
        Await.until("three held requests", () -> inFlight.get() == 3);

        Thread stopping = Thread.ofVirtual().start(() -> {
            try {
                agent.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopping.join(Duration.ofSeconds(10));
        assertThat(stopping.isAlive()).as("a held long poll is abandoned on shutdown").isFalse();
        assertThat(maxInFlight.get()).isEqualTo(3);
    }

    @Test
    void aRequesterHoldsAConcurrentSlotSoFewerSlotsMeanFewerPolls() throws Exception {
        holdRequests();
        var agent = TestJobs.agent(server.url(), work, 2, e -> e.withLimit(0, 3), Duration.ofSeconds(5));
        Await.until("two held requests", () -> inFlight.get() == 2);
        release.countDown();
        Await.until("polls after the release", () -> server.calls("POST", "/api/v4/jobs/request").size() >= 6);
        agent.shutdown();
        assertThat(maxInFlight.get()).as("concurrent = 2 caps requests in flight, as gitlab-runner's worker slots do").isEqualTo(2);
    }
}
