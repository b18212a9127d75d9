package dev.sluice.runner;

import dev.sluice.protocol.VersionInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * {@code sluice runner run}: one {@link RunnerWorker} per {@code [[runners]]} entry, all sharing the
 * {@code concurrent} slots. {@link #shutdown} is gitlab-runner's graceful stop: take no new job, let running
 * ones finish for {@code shutdown_timeout}, then cancel them (after_script still runs) for as long again,
 * then abort what is left; finally unregister the entries that ask for it.
 */
public final class RunnerAgent {

    /** @param workDir holds {@code builds/} and {@code cache/} unless an entry names its own */
    /** @param onTokenReset gets the entry with its new token after an automatic reset: save it to config.toml */
    public record Options(Path workDir, VersionInfo info, String systemId, Timing timing, RetryPolicy retry,
                          Duration unhealthyInterval, Consumer<String> log, Consumer<RunnerEntry> onTokenReset) {
        public static Options defaults(Path workDir, VersionInfo info, String systemId, Consumer<RunnerEntry> onTokenReset) {
            return new Options(workDir, info, systemId, Timing.defaults(), RetryPolicy.defaults(), Duration.ofMinutes(60),
                    System.err::println, onTokenReset);
        }
    }

    private final RunnerConfig config;
    private final Options options;
    private final List<RunnerWorker> workers = new ArrayList<>();
    private final List<ExecutorChoice> executors = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean accepting = true;

    public RunnerAgent(RunnerConfig config, Options options) throws ConfigException {
        this.config = config;
        this.options = options;
        var global = new Semaphore(config.concurrent());
        for (RunnerEntry entry : config.runners()) {
            var executor = new ExecutorChoice(entry.executor(), entry.docker());
            executors.add(executor);
            var info = withExecutor(options.info(), entry.executor());
            var settings = new RunnerWorker.Settings(info, options.systemId(),
                    entry.buildsDir().orElse(options.workDir().resolve("builds")),
                    entry.cacheDir().orElse(options.workDir().resolve("cache")), config.checkInterval(),
                    options.unhealthyInterval(), options.timing(), options.log(), options.onTokenReset());
            var client = new CoordinatorClient(entry.url(), userAgent(info), options.retry());
            workers.add(new RunnerWorker(entry, client, executor, global, settings));
        }
    }

    public void start() {
        workers.forEach(RunnerWorker::start);
    }

    /** False once a shutdown has stopped every request for new jobs. */
    public boolean acceptingJobs() {
        return accepting;
    }

    /** Jobs running now, across all entries. */
    public int runningJobs() {
        return workers.stream().mapToInt(w -> w.running().size()).sum();
    }

    /** Graceful stop; returns when every job has ended (or been abandoned after the last grace period). */
    public void shutdown() throws InterruptedException {
        for (RunnerWorker w : workers) {
            w.stopRequesting();
        }
        accepting = false;
        Duration grace = config.shutdownTimeout();
        if (!awaitJobs(grace)) {
            options.log().accept("shutdown: jobs still running after " + grace.toSeconds() + " s, canceling them");
            workers.forEach(w -> w.running().forEach(JobSession::interrupt));
            if (!awaitJobs(grace)) {
                workers.forEach(w -> w.running().forEach(JobSession::abort));
                awaitJobs(Duration.ofSeconds(10));
            }
        }
        var registration = new Registration(options.info(), options.systemId());
        for (RunnerWorker w : workers) {
            if (w.entry().unregisterOnShutdown()) {
                try {
                    registration.unregister(w.client(), w.entry());
                } catch (ApiException e) {
                    options.log().accept("shutdown: unregister failed: " + e.getMessage());
                }
            }
        }
        executors.forEach(ExecutorChoice::close);
        stopped.countDown();
    }

    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    private boolean awaitJobs(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (RunnerWorker w : workers) {
            all &= w.awaitJobs(deadline);
        }
        return all;
    }

    static String userAgent(VersionInfo info) {
        return "sluice-runner " + info.version() + " (gitlab-runner compatible; " + info.platform() + "; " + info.architecture() + ")";
    }

    private static VersionInfo withExecutor(VersionInfo info, String executor) {
        return new VersionInfo(info.name(), info.version(), info.revision(), info.platform(), info.architecture(), executor,
                executor.equals("shell") ? "bash" : "", info.features(), info.config(), info.extra());
    }
}
