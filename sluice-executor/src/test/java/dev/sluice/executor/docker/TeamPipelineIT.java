package dev.sluice.executor.docker;

import dev.sluice.model.ImageSpec;
import dev.sluice.model.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code test_all} job of the team's pipeline ({@code examples/team-service/.gitlab-ci.yml}) as the
 * coordinator resolves it, on the stand-in images {@code scripts/docker-test-env.sh} builds for
 * {@code python:3.7}, {@code mysql:5.6} and {@code redis:4}.
 */
class TeamPipelineIT {

    @TempDir
    Path root;

    @Test
    void testAllRunsWithMysqlAndRedisReachedByAlias() {
        var options = DockerJobs.options();
        try (var backend = DockerJobs.connect(options, "python:3.7", "mysql:5.6", "redis:4")) {
            var docker = new DockerJobs(root, backend);
            var job = JobSpec.builder(60, "test_all").projectDir("devops/examples")
                    .variable("MYSQL_DATABASE", "test").variable("MYSQL_ALLOW_EMPTY_PASSWORD", "yes").variable("SEA_ENV", "testing")
                    .variable("DOCKER_HOST", "tcp://dockerd:2375")
                    .variable("IMAGE", "registry.mydocker.com/devops/${CI_PROJECT_NAMESPACE}-${CI_PROJECT_NAME}")
                    .variable("CI_PROJECT_NAMESPACE", "devops").variable("CI_PROJECT_NAME", "examples")
                    .variable("CI_COMMIT_SHA", "0123456789abcdef0123456789abcdef01234567")
                    .image(ImageSpec.of("python:3.7"))
                    .service(new ImageSpec("mysql:5.6", List.of("mysql"), List.of(), List.of(), List.of(), List.of()))
                    .service(new ImageSpec("redis:4", List.of("redis"), List.of(), List.of(), List.of(), List.of()))
                    .script("pip install -U -r requirements.txt", "IMAGE_TAG=${IMAGE}:${CI_COMMIT_SHA:0:8}", "echo $IMAGE_TAG",
                            "flake8 app jobs", "sea test")
                    .build();

            var outcome = docker.run(job);

            assertThat(outcome.succeeded()).as(docker.plain()).isTrue();
            assertThat(docker.plain()).contains("registry.mydocker.com/devops/devops-examples:01234567\n")
                    .contains("sea test (stand-in): mysql stand-in, database test; redis stand-in\n");
        }
        DockerJobs.assertNothingLeft(options);
    }
}
