package dev.sluice.runner;

import dev.sluice.executor.Executor;
import dev.sluice.executor.ExecutorException;
import dev.sluice.protocol.JobRequest;
import dev.sluice.protocol.VersionInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The job loop of one {@code [[runners]]} entry: {@code request_concurrency} requesters, each of which takes
 * a slot of the entry's {@code limit} and one of the global {@code concurrent} before it asks for a job (a
 * job is never taken without room to run it), runs what it gets on its own virtual thread and asks again at
 * once; after a {@code 204} it waits {@code check_interval}. Three {@code 403}s in a row disable the entry
 * for {@code unhealthy_interval}, as gitlab-runner does.
 */
final class RunnerWorker {

    static final int UNHEALTHY_REQUESTS_LIMIT = 3;

    private volatile RunnerEntry entry;
    private final CoordinatorClient client;
    private final ExecutorChoice executors;
    private final Semaphore global;
    private final Semaphore limit;
    private final ConcurrentIds ids = new ConcurrentIds();
    private final Settings settings;
    private final Set<JobSession> running = ConcurrentHashMap.newKeySet();
    private final Set<Thread> jobThreads = ConcurrentHashMap.newKeySet();
    private final List<Thread> requesters = new ArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger forbidden = new java.util.concurrent.atomic.AtomicInteger();

    /** What every entry shares: the runner's identity, its directories and clocks. */
    record Settings(VersionInfo info, String systemId, Path buildsRoot, Path cacheRoot, Duration checkInterval,
                    Duration unhealthyInterval, Timing timing, Consumer<String> log, Consumer<RunnerEntry> onTokenReset) {
    }

    RunnerWorker(RunnerEntry entry, CoordinatorClient client, ExecutorChoice executors, Semaphore global, Settings settings) {
        this.entry = entry;
        this.client = client;
        this.executors = executors;
        this.global = global;
        this.limit = new Semaphore(entry.limit() == 0 ? Integer.MAX_VALUE : entry.limit());
        this.settings = settings;
    }

    void start() {
        for (int i = 0; i < entry.requestConcurrency(); i++) {
            requesters.add(Thread.ofVirtual().name("runner-" + entry.shortToken() + "-request-" + i).start(this::requests));
        }
    }

    /** Stops asking for jobs; running jobs go on. */
    void stopRequesting() throws InterruptedException {
        stopping.countDown();
        requesters.forEach(Thread::interrupt);
        for (Thread t : requesters) {
            t.join();
        }
    }

    Set<JobSession> running() {
        return Set.copyOf(running);
    }

    /** Waits until no job of this entry runs; false on timeout. */
    boolean awaitJobs(long deadlineNanos) throws InterruptedException {
        for (Thread t : Set.copyOf(jobThreads)) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                return jobThreads.isEmpty();
            }
        }
        return jobThreads.isEmpty();
    }

    RunnerEntry entry() {
        return entry;
    }

    CoordinatorClient client() {
        return client;
    }

    private void requests() {
        try {
            while (stopping.getCount() > 0) {
                limit.acquire();
                try {
                    global.acquire();
                } catch (InterruptedException e) {
                    limit.release();
                    throw e;
                }
                boolean started = false;
                try {
                    started = requestOne();
                } finally {
                    if (!started) {
                        global.release();
                        limit.release();
                    }
                }
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    /** Asks for one job; true when one started (it then owns the two slots). */
    private boolean requestOne() throws InterruptedException {
        resetTokenIfDue();
        RunnerEntry entry = this.entry;
        var request = new JobRequest(entry.token(), settings.systemId(), client.lastUpdate().orElse(null), settings.info(), Map.of());
        switch (client.requestJob(request)) {
            case Replies.JobResponse.Assigned a -> {
                forbidden.set(0);
                start(a);
                return true;
            }
            case Replies.JobResponse.NoJob n -> {
                forbidden.set(0);
                pause(settings.checkInterval());
            }
            case Replies.JobResponse.Forbidden f -> {
                settings.log().accept("runner " + entry.shortToken() + ": jobs/request forbidden (is the runner token valid?)");
                if (forbidden.incrementAndGet() >= UNHEALTHY_REQUESTS_LIMIT) {
                    forbidden.set(0);
                    pause(settings.unhealthyInterval());
                } else {
                    pause(settings.checkInterval());
                }
            }
            case Replies.JobResponse.Failed f -> {
                settings.log().accept("runner " + entry.shortToken() + ": " + f.message());
                pause(settings.checkInterval());
            }
        }
        return false;
    }

    /** gitlab-runner resets its token once 75 % of its lifetime has passed; the new one is saved by the caller. */
    private synchronized void resetTokenIfDue() throws InterruptedException {
        var expiry = entry.tokenExpiry();
        if (expiry.isEmpty() || !expiry.get().resetDue(java.time.Instant.now())) {
            return;
        }
        try {
            var reply = client.resetToken(entry.token());
            var now = java.time.Instant.now();
            entry = entry.withToken(reply.token(), TokenExpiry.of(now, reply.tokenExpiresAt()));
            settings.onTokenReset().accept(entry);
        } catch (ApiException e) {
            settings.log().accept("runner " + entry.shortToken() + ": token reset failed: " + e.getMessage());
        }
    }

    private void start(Replies.JobResponse.Assigned assigned) {
        RunnerEntry entry = this.entry;
        int id = ids.take();
        Thread t = Thread.ofVirtual().name("job-" + assigned.job().id()).unstarted(() -> {
            JobSession session = null;
            try {
                Executor executor = executors.newExecutor();
                var placement = new JobPlacement(entry, id, settings.buildsRoot(), settings.cacheRoot(), settings.info());
                session = new JobSession(client, assigned.job(), placement, executor, settings.timing());
                running.add(session);
                session.run();
            } catch (ExecutorException e) {
                settings.log().accept("job " + assigned.job().id() + ": " + e.getMessage());
                failUnstarted(assigned.job());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (session != null) {
                    running.remove(session);
                }
                ids.release(id);
                global.release();
                limit.release();
                jobThreads.remove(Thread.currentThread());
            }
        });
        jobThreads.add(t);
        t.start();
    }

    /** The executor could not be made: the job fails as a system failure rather than hang on the server. */
    private void failUnstarted(dev.sluice.protocol.JobPayload job) {
        try {
            client.updateJob(job.id(), dev.sluice.protocol.UpdateJobRequest.of(job.token(), dev.sluice.protocol.JobState.FAILED,
                    "runner_system_failure", null, new dev.sluice.protocol.TraceChecksum(), settings.info()));
        } catch (ApiException | InterruptedException e) {
            // the server's watchdog fails the job
        }
    }

    private void pause(Duration d) throws InterruptedException {
        if (stopping.await(d.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("stopping");
        }
    }
}
