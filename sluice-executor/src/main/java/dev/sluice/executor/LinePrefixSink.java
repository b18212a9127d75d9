package dev.sluice.executor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Puts a prefix such as {@code [build] } at the start of every line, to tell parallel jobs apart. */
public final class LinePrefixSink implements TraceSink {

    private final byte[] prefix;
    private final TraceSink next;
    private boolean atLineStart = true;

    public LinePrefixSink(String prefix, TraceSink next) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.next = next;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        var out = new ByteArrayOutputStream(length + prefix.length);
        for (int i = offset; i < offset + length; i++) {
            if (atLineStart) {
                out.write(prefix, 0, prefix.length);
                atLineStart = false;
            }
            out.write(bytes[i]);
            atLineStart = bytes[i] == '\n';
        }
        next.write(out.toByteArray(), 0, out.size());
    }

    @Override
    public void close() {
        next.close();
    }
}
