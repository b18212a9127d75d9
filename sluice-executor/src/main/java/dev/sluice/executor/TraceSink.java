package dev.sluice.executor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a job's log goes, byte for byte, as it is produced: the output of the job's shells and the
 * runner's own messages. Implementations must accept calls from any thread, one at a time; decorators
 * ({@link MaskingSink}, {@link LimitedSink}, {@link LinePrefixSink}) are synchronized.
 */
public interface TraceSink {

    void write(byte[] bytes, int offset, int length);

    default void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** Flushes whatever a decorator still holds back. Idempotent. */
    default void close() {
    }

    /** A sink that writes to a stream and flushes after each write, for live output. */
    static TraceSink of(OutputStream out) {
        return (bytes, offset, length) -> {
            try {
                out.write(bytes, offset, length);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static TraceSink discard() {
        return (bytes, offset, length) -> { };
    }
}
