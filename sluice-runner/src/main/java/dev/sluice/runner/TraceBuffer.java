package dev.sluice.runner;

import dev.sluice.protocol.TraceChecksum;

import java.util.Arrays;

/**
 * Every byte of one job's log (already masked and capped by the job runner), with its running CRC32.
 * The whole log stays in memory: a {@code 412} on the final update asks for all of it again.
 */
final class TraceBuffer {

    private byte[] bytes = new byte[8192];
    private int size;
    private final TraceChecksum checksum = new TraceChecksum();

    synchronized void append(byte[] data, int offset, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
        checksum.update(data, offset, length);
    }

    synchronized int size() {
        return size;
    }

    /** Up to {@code max} bytes from {@code start}; empty when there are none. */
    synchronized byte[] slice(long start, int max) {
        if (start >= size) {
            return new byte[0];
        }
        int from = (int) Math.max(0, start);
        return Arrays.copyOfRange(bytes, from, from + Math.min(max, size - from));
    }

    synchronized String checksum() {
        return checksum.checksum();
    }

    synchronized TraceChecksum snapshot() {
        var copy = new TraceChecksum();
        copy.update(bytes, 0, size);
        return copy;
    }
}
