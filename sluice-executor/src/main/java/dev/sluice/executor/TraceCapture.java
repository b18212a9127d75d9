package dev.sluice.executor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** A sink that keeps the whole log in memory, for tests and for callers that store logs at the end. */
public final class TraceCapture implements TraceSink {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
        bytes.write(data, offset, length);
        notifyAll();
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The log without ANSI colour codes and section markers. */
    public String plainText() {
        return text().replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").replaceAll("section_(start|end):\\d+:[^\\r]*\\r", "");
    }

    /** Waits until the log satisfies {@code condition}; returns whether it did before {@code timeout}. */
    public synchronized boolean await(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(text())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
