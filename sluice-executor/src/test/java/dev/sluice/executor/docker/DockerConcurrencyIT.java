package dev.sluice.executor.docker;

import dev.sluice.executor.JobOutcome;
import dev.sluice.model.JobSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Jobs with the same id, name, project and service alias at once: no name clash, each sees its own service. */
class DockerConcurrencyIT extends DockerEngineTest {

    @Test
    void fourJobsAtOnceEachWithItsOwnNetworkAndService() throws Exception {
        var jobs = new ArrayList<DockerJobs>();
        var outcomes = new ArrayList<Future<JobOutcome>>();
        try (var threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                var docker = new DockerJobs(root.resolve("r" + i), backend);
                var job = JobSpec.builder(50, "same").projectDir("group/app").service(DockerServicesIT.http("web", "job " + i))
                        .script("wget -qO- http://web:8080/", "sleep 1").build();
                jobs.add(docker);
                outcomes.add(threads.submit(() -> docker.run(job)));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(outcomes.get(i).get().succeeded()).as(jobs.get(i).plain()).isTrue();
                assertThat(jobs.get(i).plain()).contains("\nhello from job " + i + "\n");
            }
        }
    }
}
