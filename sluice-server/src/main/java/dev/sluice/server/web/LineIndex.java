package dev.sluice.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Line numbers of byte offsets in job logs, without reading a whole 50 MB log on every view of its tail: for each
 * log recently viewed, the number of lines before every {@link #STEP} bytes counted so far. Logs only grow (runners
 * append), so a checkpoint stays true; a log file that was replaced (another inode) or got shorter is counted again.
 */
final class LineIndex {

    static final int STEP = 1 << 20;
    private static final int FILES = 256;

    private record Key(Path file, Object inode) {
    }

    /** {@code counts[i]}: newlines in the first {@code i * STEP} bytes. The least recently used log goes first. */
    private final Map<Key, long[]> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, long[]> eldest) {
            return size() > FILES;
        }
    };

    /** Newlines in {@code file} before byte {@code end}: at most {@link #STEP} bytes read once the log was counted. */
    long linesBefore(Path file, long end) {
        if (end <= 0) {
            return 0;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var key = new Key(file, attributes.fileKey());
        long[] counts;
        synchronized (known) {
            counts = known.getOrDefault(key, new long[] {0});
        }
        if ((long) (counts.length - 1) * STEP > attributes.size()) {
            counts = new long[] {0};
        }
        int from = (int) Math.min(counts.length - 1, end / STEP);
        long[] grown = Arrays.copyOf(counts, (int) (end / STEP) + 1);
        long lines = count(file, (long) from * STEP, end, grown, from);
        if (grown.length > counts.length) {
            synchronized (known) {
                known.merge(key, grown, (old, mine) -> mine.length > old.length ? mine : old);
            }
        }
        return lines;
    }

    /** Counts from {@code start} (a checkpoint) to {@code end}, filling in the checkpoints passed on the way. */
    private static long count(Path file, long start, long end, long[] counts, int index) {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(start);
            byte[] buf = new byte[64 * 1024];
            long count = counts[index];
            for (long pos = start; pos < end; ) {
                long boundary = Math.min(end, (pos / STEP + 1) * STEP);
                while (pos < boundary) {
                    int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, boundary - pos));
                    if (n == 0) {
                        return count;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            count++;
                        }
                    }
                    pos += n;
                }
                if (pos % STEP == 0) {
                    counts[(int) (pos / STEP)] = count;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
