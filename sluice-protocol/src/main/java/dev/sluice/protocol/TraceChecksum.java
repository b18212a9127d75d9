package dev.sluice.protocol;

import java.util.zip.CRC32;

/**
 * The running CRC32 and length of a job log, as the final update sends them ({@code output.checksum} is
 * {@code crc32:%08x}, IEEE polynomial, lowercase). Not thread-safe.
 */
public final class TraceChecksum {

    private final CRC32 crc = new CRC32();
    private long bytesize;

    public void update(byte[] bytes, int offset, int length) {
        crc.update(bytes, offset, length);
        bytesize += length;
    }

    public String checksum() {
        return String.format("crc32:%08x", crc.getValue());
    }

    public long bytesize() {
        return bytesize;
    }

    public static TraceChecksum of(byte[] bytes) {
        var sum = new TraceChecksum();
        sum.update(bytes, 0, bytes.length);
        return sum;
    }
}
