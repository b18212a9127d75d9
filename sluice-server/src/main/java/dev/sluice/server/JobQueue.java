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

/**
 * Pending jobs in the order they became pending, and the queue version runners see as
 * {@code X-GitLab-Last-Update}. A long poll waits on a condition and wakes the moment a job is offered:
 * no sleep-and-poll. A job is removed under the lock when taken, so no two runners get it.
 */
final class JobQueue {

    /** @param protectedRef the job's pipeline runs for a protected branch or tag */
    record Pending(long jobId, List<String> tags, long projectId, boolean protectedRef) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private long version;

    void offer(Pending job) {
        lock.lock();
        try {
            pending.put(job.jobId(), job);
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
                for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
                    Pending p = it.next();
                    if (runner.canRun(p)) {
                        it.remove();
                        return Optional.of(p);
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
