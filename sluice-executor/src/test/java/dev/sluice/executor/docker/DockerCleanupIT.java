package dev.sluice.executor.docker;

import dev.sluice.executor.JobOutcome;
import dev.sluice.executor.RunFailure;
import dev.sluice.model.JobSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Timeout, cancel, abort and a killed Sluice: containers stop and nothing is left on the engine. */
class DockerCleanupIT extends DockerEngineTest {

    @Override
    boolean checksNothingLeft() {
        return false; // each test checks what must be gone, and what must stay (another owner's containers)
    }

    private static JobSpec sleeper(long id, Duration timeout) {
        return JobSpec.builder(id, "sleeper").timeout(timeout).service(DockerServicesIT.http("web", "x"))
                .script("echo started", "sleep 600").afterScript("echo \"after $CI_JOB_STATUS\"").build();
    }

    private CompletableFuture<JobOutcome> start(JobSpec job) throws InterruptedException {
        var outcome = CompletableFuture.supplyAsync(() -> docker.run(job));
        assertThat(docker.log.await(t -> t.contains("\nstarted\n"), Duration.ofSeconds(60))).as(docker.plain()).isTrue();
        return outcome;
    }

    @Test
    void timeoutKillsTheStepAndRemovesEverything() {
        long start = System.nanoTime();
        var outcome = docker.run(sleeper(30, Duration.ofSeconds(4)));

        assertThat(outcome.failure()).as(docker.plain()).contains(RunFailure.JOB_EXECUTION_TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        DockerJobs.assertNothingLeft(options);
    }

    @Test
    void cancelStopsTheScriptStillRunsAfterScriptAndRemovesEverything() throws Exception {
        var running = start(sleeper(31, Duration.ofMinutes(10)));
        docker.runner.cancel();
        var outcome = running.get(60, TimeUnit.SECONDS);

        assertThat(outcome.result()).isEqualTo(JobOutcome.Result.CANCELED);
        assertThat(docker.plain()).contains("after canceled\n");
        DockerJobs.assertNothingLeft(options);
    }

    @Test
    void abortSkipsAfterScriptAndRemovesEverything() throws Exception {
        var running = start(sleeper(32, Duration.ofMinutes(10)));
        docker.runner.abort();
        var outcome = running.get(60, TimeUnit.SECONDS);

        assertThat(outcome.result()).isEqualTo(JobOutcome.Result.CANCELED);
        assertThat(docker.plain()).doesNotContain("after canceled");
        DockerJobs.assertNothingLeft(options);
    }

    @Test
    void ctrlCRemovesEveryContainerOfThisProcessWhileAJobRuns() throws Exception {
        try (var own = DockerJobs.connect(options)) {
            docker = new DockerJobs(root, own);
            var running = start(sleeper(33, Duration.ofMinutes(10)));
            assertThat(own.removeOwn()).isGreaterThanOrEqualTo(2); // the step container and the service, then the network
            var outcome = running.get(60, TimeUnit.SECONDS);

            assertThat(outcome.succeeded()).isFalse();
            assertThat(docker.plain()).contains("Sluice is shutting down: no new containers"); // after_script was refused
        }
        DockerJobs.assertNothingLeft(options);
    }

    @Test
    void leftoversOfADeadSluiceAreRemovedAtTheNextStartButNotThoseOfALiveOneOrOfAnotherHost() throws Exception {
        var dead = new Owner("999999999-1");
        var alive = Owner.of(ProcessHandle.of(1).orElseThrow());
        try (var engine = new DockerEngine(options.dockerHost())) {
            String deadNetwork = engine.createNetwork("sluice-leftover-dead", dead.labels("network", 1, "x"));
            String deadContainer = engine.create(container("sluice-leftover-dead-c", dead, "sluice-leftover-dead"));
            engine.start(deadContainer);
            String liveNetwork = engine.createNetwork("sluice-leftover-alive", alive.labels("network", 1, "x"));
            var elsewhere = new java.util.HashMap<>(dead.labels("network", 1, "x"));
            elsewhere.put(Owner.HOST, "another-host");
            String otherHostNetwork = engine.createNetwork("sluice-leftover-elsewhere", elsewhere);
            try {
                try (var next = DockerJobs.connect(options)) {
                    assertThat(next.leftoversRemoved()).isGreaterThanOrEqualTo(2);
                }
                assertThat(engine.containersLabelled(Owner.OWNER + "=" + dead.id())).isEmpty();
                assertThat(engine.networksLabelled(Owner.OWNER + "=" + dead.id())).extracting(n -> n.getId()).containsExactly(otherHostNetwork);
                assertThat(engine.networksLabelled(Owner.OWNER + "=" + alive.id())).extracting(n -> n.getId()).contains(liveNetwork);
                assertThat(engine.networksLabelled(Owner.HOST + "=another-host")).extracting(n -> n.getId()).contains(otherHostNetwork);
            } finally {
                engine.removeNetwork(otherHostNetwork);
                engine.removeNetwork(liveNetwork);
                engine.remove(deadContainer);
                engine.removeNetwork(deadNetwork);
            }
        }
    }

    private static ContainerSpec container(String name, Owner owner, String network) {
        return new ContainerSpec(name, DockerJobs.BUSYBOX, java.util.Optional.empty(), List.of("sleep", "600"), Map.of(),
                owner.labels("build", 1, "x"), List.of(), java.util.Optional.empty(), network, List.of(), ContainerSpec.Limits.NONE, false);
    }
}
