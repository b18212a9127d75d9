package dev.sluice.executor.docker;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every Docker executor IT needs: one connected engine per test class (the engine of
 * {@code DOCKER_HOST}), a fresh {@link DockerJobs} per test, and a check that a test left no
 * container or network behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DockerEngineTest {

    DockerOptions options;
    DockerBackend backend;

    @TempDir
    Path root;
    DockerJobs docker;

    /** The engine options of this class; the test defaults unless a class needs other timeouts. */
    DockerOptions options() {
        return DockerJobs.options();
    }

    /** Whether each test must leave nothing behind (a clean-up test may check more precisely itself). */
    boolean checksNothingLeft() {
        return true;
    }

    @BeforeAll
    void connect() {
        options = options();
        backend = DockerJobs.connect(options);
    }

    @AfterAll
    void close() {
        backend.close();
    }

    @BeforeEach
    void newJobs() {
        docker = new DockerJobs(root, backend);
    }

    @AfterEach
    void nothingLeft() {
        if (checksNothingLeft()) {
            DockerJobs.assertNothingLeft(options);
        }
    }
}
