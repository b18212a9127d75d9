package dev.sluice.executor.docker;

import dev.sluice.model.ImageSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Services on the job's private network, reached by alias, and waited for. */
class DockerServicesIT extends DockerEngineTest {

    @Override
    DockerOptions options() {
        return DockerJobs.options().withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(3));
    }

    static ImageSpec http(String alias, String greeting) {
        return new ImageSpec(DockerJobs.HTTP, List.of(alias), List.of(), List.of(), List.of(),
                List.of(JobVariable.of("SERVICE_GREETING", greeting)));
    }

    @Test
    void jobReachesItsServiceByAliasAndByTheDefaultAliases() {
        var outcome = docker.run(JobSpec.builder(20, "web").service(http("web", "the web service"))
                .script("wget -qO- http://web:8080/", "wget -qO- http://sluice-test__http:8080/", "wget -qO- http://sluice-test-http:8080/")
                .build());

        assertThat(outcome.succeeded()).as(docker.plain()).isTrue();
        assertThat(docker.plain()).contains("Starting service " + DockerJobs.HTTP)
                .contains("Waiting for services to be up and running (timeout 3 seconds)...")
                .containsSubsequence("$ wget -qO- http://web:8080/\nhello from the web service\n",
                        "$ wget -qO- http://sluice-test__http:8080/\nhello from the web service\n",
                        "$ wget -qO- http://sluice-test-http:8080/\nhello from the web service\n")
                .doesNotContain("probably didn't start properly");
    }

    @Test
    void serviceThatNeverListensIsNamedInAWarningAfterTheTimeout() {
        long start = System.nanoTime();
        var outcome = docker.run(JobSpec.builder(21, "db").service(new ImageSpec(DockerJobs.NEVER_READY, List.of("db"), List.of(),
                List.of(), List.of(), List.of())).script("echo script ran").build());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // gitlab-runner warns and goes on; the script decides whether it can live without the service
        assertThat(outcome.succeeded()).as(docker.plain()).isTrue();
        assertThat(docker.plain()).containsSubsequence(
                "*** WARNING: Service " + DockerJobs.NEVER_READY + " (aliases sluice-test__never-ready, sluice-test-never-ready, db)"
                        + " probably didn't start properly.",
                "Health check error:\nno connection on port [7778] within 3s (timeout)", "script ran\n");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void serviceThatExitsIsReportedWithItsLogsWithoutWaitingForTheTimeout() {
        var crashing = new ImageSpec(DockerJobs.NEVER_READY, List.of("db"), List.of(), List.of("sh", "-c", "echo cannot start; exit 4"),
                List.of(), List.of());
        var outcome = docker.run(JobSpec.builder(22, "db").service(crashing).script("echo script ran").build());

        assertThat(outcome.succeeded()).isTrue();
        assertThat(docker.plain()).contains("Health check error:\nservice container exited with code 4")
                .contains("Service container logs:\ncannot start\n");
    }
}
