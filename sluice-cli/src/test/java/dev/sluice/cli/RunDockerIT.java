package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice run --executor docker} against the engine of {@code DOCKER_HOST} with the locally built
 * {@code sluice-test/*} images. No engine is a failure, never a skip: {@code scripts/docker-test-env.sh} starts one.
 */
class RunDockerIT {

    private static final String IMAGE = "sluice-test/busybox:latest";

    @TempDir
    Path dir;

    TestRepo repo;

    @BeforeEach
    void init() {
        assertThat(System.getenv("DOCKER_HOST")).as("no Docker engine: run `eval \"$(scripts/docker-test-env.sh start)\"`"
                + " (starts a private dockerd and builds the sluice-test/* images), or use scripts/test.sh").isNotBlank();
        repo = TestRepo.init(dir);
    }

    @Test
    void jobsRunInTheirImageAndPassArtifactsOn() {
        repo.write(".gitlab-ci.yml", """
                stages: [build, test]
                build:
                  stage: build
                  image: %s
                  script:
                    - echo "dir $CI_PROJECT_DIR"
                    - test -x /bin/busybox
                    - mkdir -p out && echo from-container > out/x.txt
                  artifacts:
                    paths: [out/]
                test:
                  stage: test
                  script:
                    - cat out/x.txt
                """.formatted(IMAGE)).commit("first");

        CliRun run = repo.run("--no-color", "--executor", "docker", "--docker-image", IMAGE, "--pull-policy", "never");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("build > dir /builds/gcl/test-project").contains("test  > from-container")
                .doesNotContain("is not used: the shell executor");
    }

    @Test
    void theProjectFileChoosesTheExecutor() {
        repo.write(".sluice.yml", "executor: docker\ndocker:\n  image: " + IMAGE + "\n  pull_policy: never\n")
                .write(".gitlab-ci.yml", "job:\n  script: test -x /bin/busybox && echo in-a-container\n").commit("first");

        CliRun run = repo.run("--no-color");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("job > in-a-container");
    }

    @Test
    void aMissingImageFailsTheJobNamingTheImage() {
        repo.write(".gitlab-ci.yml", "job:\n  image: sluice-test/nowhere:1\n  script: exit 0\n").commit("first");

        CliRun run = repo.run("--no-color", "--executor", "docker", "--pull-policy", "never");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("sluice-test/nowhere:1");
    }

    @Test
    void anUnreachableEngineIsAClearError() {
        repo.write(".gitlab-ci.yml", "job:\n  script: exit 0\n").commit("first");

        CliRun run = repo.run("--executor", "docker", "--docker-host", "unix://" + dir.resolve("no.sock"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("sluice: error: --executor docker: cannot reach the Docker engine at unix://")
                .doesNotContain("\tat ");
    }

    @Test
    void aBrokenProjectFileIsAUsageError() {
        repo.write(".sluice.yml", "executor: podman\n").write(".gitlab-ci.yml", "job:\n  script: exit 0\n").commit("first");

        CliRun run = repo.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(".sluice.yml:1:11: error[invalid-value]");
    }

    @Test
    void theTeamPipelineRunsItsTestsWithMysqlAndRedisByAlias() {
        Path example = Path.of("..", "examples", "team-service").toAbsolutePath().normalize();

        CliRun run = CliRun.in(example, "run", "--no-color", "--executor", "docker", "--pull-policy", "never",
                "--ref", "feature");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        // the example keeps its .sluice/ state between runs, so the pipeline number grows
        assertThat(run.out()).contains("test_all > sea test (stand-in): mysql stand-in, database test; redis stand-in")
                .containsPattern("Pipeline #\\d+ passed");
    }
}
