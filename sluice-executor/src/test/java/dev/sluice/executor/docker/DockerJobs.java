package dev.sluice.executor.docker;

import dev.sluice.executor.ExecutorException;
import dev.sluice.executor.JobOutcome;
import dev.sluice.executor.JobRunner;
import dev.sluice.executor.TraceCapture;
import dev.sluice.executor.WorkingCopy;
import dev.sluice.executor.Workspace;
import dev.sluice.model.JobSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs jobs through {@link JobRunner} and the Docker executor against the engine named by {@code DOCKER_HOST},
 * for the {@code *IT} tests. No engine is a failure, never a skip: {@code scripts/docker-test-env.sh} starts one.
 */
final class DockerJobs {

    static final String BUSYBOX = "sluice-test/busybox:latest";
    static final String ENTRYPOINT = "sluice-test/entrypoint:latest";
    static final String HTTP = "sluice-test/http:latest";
    static final String NEVER_READY = "sluice-test/never-ready:latest";
    private static final String HOW = "run `eval \"$(scripts/docker-test-env.sh start)\"` (it starts a private dockerd and builds the"
            + " sluice-test/* images and exports DOCKER_HOST)";

    final Path root;
    final TraceCapture log = new TraceCapture();
    final DockerBackend backend;
    volatile JobRunner runner;

    DockerJobs(Path root, DockerBackend backend) {
        this.root = root;
        this.backend = backend;
    }

    /** The test engine's options: busybox as the default image, local images only, short timeouts. */
    static DockerOptions options() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            throw new AssertionError("DOCKER_HOST is not set: the Docker executor's integration tests need a real engine; " + HOW);
        }
        return DockerOptions.defaults().withDockerHost(host).withDefaultImage(BUSYBOX)
                .withPullPolicies(List.of("if-not-present"), List.of("if-not-present", "never", "always"))
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    static DockerBackend connect(DockerOptions options, String... moreImages) {
        try {
            var backend = DockerBackend.connect(options);
            try (var engine = new DockerEngine(options.dockerHost())) {
                var images = new java.util.ArrayList<>(List.of(BUSYBOX, ENTRYPOINT, HTTP, NEVER_READY));
                images.addAll(List.of(moreImages));
                for (String image : images) {
                    if (!engine.imagePresent(image)) {
                        throw new AssertionError("fixture image " + image + " is missing; " + HOW);
                    }
                }
            }
            return backend;
        } catch (ExecutorException | java.io.IOException e) {
            throw new AssertionError(e.getMessage() + "; " + HOW, e);
        }
    }

    Workspace workspace() {
        return Workspace.local(root, WorkingCopy.existing());
    }

    Path projectDir(JobSpec job) {
        return workspace().projectDir(job);
    }

    JobOutcome run(JobSpec job) {
        runner = new JobRunner(backend.newExecutor(), workspace(), JobRunner.Options.defaults());
        return runner.run(job, log);
    }

    String plain() {
        return log.plainText();
    }

    /** Nothing this process created is left on the engine: no container, no network. */
    static void assertNothingLeft(DockerOptions options) {
        String me = Owner.current().id();
        try (var engine = new DockerEngine(options.dockerHost())) {
            assertThat(engine.containersLabelled(Owner.OWNER + "=" + me)).as("containers left").isEmpty();
            assertThat(engine.networksLabelled(Owner.OWNER + "=" + me)).as("networks left").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
