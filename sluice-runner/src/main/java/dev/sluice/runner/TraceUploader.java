package dev.sluice.runner;

import dev.sluice.executor.TraceSink;
import dev.sluice.protocol.JobState;
import dev.sluice.protocol.RemoteJobState;
import dev.sluice.protocol.TraceChecksum;
import dev.sluice.protocol.UpdateJobRequest;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The job's log on its way to the coordinator, as gitlab-runner's {@code network/trace.go} sends it: every
 * update interval the bytes not yet accepted go up in one {@code PATCH} (at most 1 MiB) at the offset the
 * server last confirmed; a {@code 416} moves that offset to the server's {@code Range}; when nothing went up
 * for the force-send interval a {@code PUT state=running} keeps the job alive. Every reply's
 * {@code Job-Status} goes to {@code onRemoteState} (cancel, abort).
 */
final class TraceUploader implements TraceSink {

    static final int MAX_PATCH = 1024 * 1024;
    /** With the doubling back-off, about a minute for a coordinator to come back before the log's end is given up. */
    static final int FLUSH_RETRIES = 6;

    private final CoordinatorClient client;
    private final JobIdentity job;
    private final Consumer<RemoteJobState> onRemoteState;
    private final TraceBuffer buffer = new TraceBuffer();
    private final Object wake = new Object();
    private final Duration forceSend;
    private volatile Duration interval;
    private volatile long sent;
    private volatile boolean stopped;
    private volatile boolean gone;
    private long lastSentNanos = System.nanoTime();
    private Thread loop;

    TraceUploader(CoordinatorClient client, JobIdentity job, Timing timing, Consumer<RemoteJobState> onRemoteState) {
        this.client = client;
        this.job = job;
        this.onRemoteState = onRemoteState;
        this.interval = timing.updateInterval();
        this.forceSend = timing.forceSendInterval();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        buffer.append(bytes, offset, length);
    }

    void start() {
        loop = Thread.ofVirtual().name("trace-" + job.id()).start(this::run);
    }

    void updateInterval(Duration value) {
        interval = value;
    }

    /** Stops the periodic loop and sends what is left; false when some bytes could not be sent. */
    boolean finish() throws InterruptedException {
        stopped = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        if (loop != null) {
            loop.join();
        }
        for (int failures = 0; !gone && sent < buffer.size() && failures < FLUSH_RETRIES; ) {
            if (!patch()) {
                failures++;
                // The coordinator may be restarting: back off (1 s, 2 s, 4 s...) rather than lose the log's end.
                Thread.sleep(Math.min(interval.toMillis(), 1000) << (failures - 1));
            }
        }
        return sent >= buffer.size();
    }

    /** After a {@code 412}: the server wants the whole log again, from offset 0. */
    boolean resendAll() throws InterruptedException {
        sent = 0;
        return finish();
    }

    TraceChecksum checksum() {
        return buffer.snapshot();
    }

    long sentOffset() {
        return sent;
    }

    private void run() {
        try {
            while (!stopped && !gone) {
                synchronized (wake) {
                    if (!stopped) {
                        wake.wait(Math.max(1, interval.toMillis()));
                    }
                }
                if (stopped || gone) {
                    return;
                }
                if (sent < buffer.size()) {
                    patch();
                } else if (System.nanoTime() - lastSentNanos >= forceSend.toNanos()) {
                    touch();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One PATCH; true when the server accepted it or moved our offset. */
    private boolean patch() throws InterruptedException {
        long start = sent;
        byte[] chunk = buffer.slice(start, MAX_PATCH);
        if (chunk.length == 0) {
            return true;
        }
        Replies.Patch reply;
        try {
            reply = client.patchTrace(job.id(), job.token(), start, chunk, job.debugTrace());
        } catch (ApiException e) {
            return false;
        }
        lastSentNanos = System.nanoTime();
        reply.updateInterval().ifPresent(this::updateInterval);
        remote(reply.state());
        switch (reply.status()) {
            case 202 -> {
                sent = reply.serverSize().orElse(start + chunk.length);
                return true;
            }
            case 416 -> {
                if (reply.serverSize().isEmpty()) {
                    return false;
                }
                sent = reply.serverSize().get();
                return true;
            }
            case 403, 404 -> {
                gone = true;
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** The keep-alive: {@code PUT state=running} with the checksum so far. */
    private void touch() throws InterruptedException {
        try {
            var reply = client.updateJob(job.id(), UpdateJobRequest.of(job.token(), JobState.RUNNING, null, null,
                    buffer.snapshot(), job.info()));
            lastSentNanos = System.nanoTime();
            reply.updateInterval().ifPresent(this::updateInterval);
            remote(reply.state());
        } catch (ApiException e) {
            // a missed keep-alive is retried at the next interval
        }
    }

    private void remote(RemoteJobState state) {
        if (state == RemoteJobState.ABORT) {
            gone = true;
        }
        if (state != RemoteJobState.RUNNING) {
            onRemoteState.accept(state);
        }
    }
}
