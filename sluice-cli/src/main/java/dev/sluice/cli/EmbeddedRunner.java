package dev.sluice.cli;

import dev.sluice.protocol.VersionInfo;
import dev.sluice.runner.ApiException;
import dev.sluice.runner.ConfigException;
import dev.sluice.runner.CoordinatorClient;
import dev.sluice.runner.Registration;
import dev.sluice.runner.RetryPolicy;
import dev.sluice.runner.RunnerAgent;
import dev.sluice.runner.RunnerConfig;
import dev.sluice.runner.RunnerEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner inside {@code sluice server}: the same agent as {@code sluice runner}, registered over
 * loopback with the registration token, so the coordinator treats it like any other runner.
 */
final class EmbeddedRunner {

    private EmbeddedRunner() {
    }

    static RunnerAgent start(String url, String registrationToken, Path workDir, String version) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        VersionInfo info = VersionInfo.sluice(version, "shell", "bash");
        try {
            var client = new CoordinatorClient(url, "sluice-runner " + version, RetryPolicy.defaults());
            RunnerEntry entry = new Registration(info, "s_embedded00").register(client, new Registration.Request(url,
                    registrationToken, "embedded", new ArrayList<>(), true, false, "not_protected", 0, false, "shell"));
            entry = new RunnerEntry(entry.name(), entry.url(), entry.id(), entry.token(), entry.tokenExpiry(), entry.executor(),
                    cores, cores, entry.outputLimitKb(), entry.buildsDir(), entry.cacheDir(), entry.environment(),
                    entry.docker(), true);
            var config = new RunnerConfig(cores, RunnerConfig.DEFAULT_CHECK_INTERVAL, RunnerConfig.DEFAULT_SHUTDOWN_TIMEOUT,
                    List.of(entry));
            var agent = new RunnerAgent(config, RunnerAgent.Options.defaults(workDir, info, "s_embedded00", e -> { }));
            agent.start();
            return agent;
        } catch (ApiException | ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static void stop(RunnerAgent agent) {
        try {
            agent.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
