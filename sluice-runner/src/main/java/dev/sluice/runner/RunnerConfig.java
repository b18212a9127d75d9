package dev.sluice.runner;

import java.time.Duration;
import java.util.List;

/**
 * The runner's {@code config.toml}: gitlab-runner's global keys and its {@code [[runners]]} entries.
 *
 * @param concurrent      jobs at once across all entries (worker slots); at least 1
 * @param checkInterval   pause after a {@code jobs/request} that brought no job ({@code check_interval}, 3 s)
 * @param shutdownTimeout how long a graceful shutdown lets running jobs finish before canceling them (30 s)
 */
public record RunnerConfig(int concurrent, Duration checkInterval, Duration shutdownTimeout, List<RunnerEntry> runners) {

    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(3);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    public RunnerConfig {
        if (concurrent <= 0) {
            throw new IllegalArgumentException("concurrent must be greater than 0, got " + concurrent);
        }
        checkInterval = checkInterval == null || checkInterval.isZero() || checkInterval.isNegative()
                ? DEFAULT_CHECK_INTERVAL : checkInterval;
        shutdownTimeout = shutdownTimeout == null || shutdownTimeout.isNegative() ? DEFAULT_SHUTDOWN_TIMEOUT : shutdownTimeout;
        runners = List.copyOf(runners);
    }

    public static RunnerConfig empty() {
        return new RunnerConfig(1, DEFAULT_CHECK_INTERVAL, DEFAULT_SHUTDOWN_TIMEOUT, List.of());
    }

    public RunnerConfig withRunner(RunnerEntry entry) {
        var all = new java.util.ArrayList<>(runners);
        all.add(entry);
        return new RunnerConfig(concurrent, checkInterval, shutdownTimeout, all);
    }

    public RunnerConfig withoutRunner(String token) {
        return new RunnerConfig(concurrent, checkInterval, shutdownTimeout,
                runners.stream().filter(r -> !r.token().equals(token)).toList());
    }
}
