package dev.sluice.runner;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A runner agent talking to a {@link FakeCoordinator} that records every request; both stopped after each test. */
abstract class AgentAgainstFakeCoordinator {

    @TempDir
    Path work;

    final FakeCoordinator server = FakeCoordinator.unchecked();
    RunnerAgent agent;

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.shutdown();
        }
        server.close();
    }
}
