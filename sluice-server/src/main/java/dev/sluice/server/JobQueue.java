package dev.sluice.server;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Pending jobs in the order they became pending, and the queue version runners see as
 * {@code X-GitLab-Last-Update}. A long poll waits on a condition and wakes the moment a job is offered:
 * no sleep-and-poll. A job is removed under the lock when taken, so no two runners get it.
 */
final class JobQueue {

    /** @param protectedRef the job's pipeline runs for a protected branch or tag */
    record Pending(long jobId, List<String> tags, long projectId, boolean protectedRef) {
    }

    /** A pending job and when it became pending ({@link System#nanoTime()}), for the pickup latency. */
    private record Waiting(Pending job, long since) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Waiting> pending = new LinkedHashMap<>();
    private final Consumer<Duration> pickedUp;
    private long version;

    /** @param pickedUp told, for every job a runner takes, how long it waited since it became pending */
    JobQueue(Consumer<Duration> pickedUp) {
        this.pickedUp = pickedUp;
    }

    void offer(Pending job) {
        lock.lock();
        try {
            pending.put(job.jobId(), new Waiting(job, System.nanoTime()));
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean remove(long jobId) {
        lock.lock();
        try {
            return pending.remove(jobId) != null;
        } finally {
            lock.unlock();
        }
    }

    /** How many jobs wait for a runner. */
    int size() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    String version() {
        lock.lock();
        try {
            return Long.toString(version);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest job the runner may run. With {@code hold} it waits up to that long for one to be
     * offered (the runner sent {@code last_update}: Workhorse's long poll); empty when none came.
     */
    Optional<Pending> take(Runners.Runner runner, Duration hold) throws InterruptedException {
        long deadline = System.nanoTime() + hold.toNanos();
        lock.lock();
        try {
            while (true) {
                for (Iterator<Waiting> it = pending.values().iterator(); it.hasNext(); ) {
                    Waiting w = it.next();
                    if (runner.canRun(w.job())) {
                        it.remove();
                        pickedUp.accept(Duration.ofNanos(System.nanoTime() - w.since()));
                        return Optional.of(w.job());
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
