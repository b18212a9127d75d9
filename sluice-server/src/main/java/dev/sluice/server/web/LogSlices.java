package dev.sluice.server.web;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Whole-line byte ranges of a job log file, so a page never loads a 50 MB log at once: the tail first, earlier
 * parts on demand, then what the runner appends. Ranges end after a newline so UTF-8 is never cut.
 */
final class LogSlices {

    /**
     * What the page gets at first, and per "load earlier": at most this much and this many lines. More screens than
     * anyone scrolls, and small enough that the page renders in milliseconds (sluice bench ui: 10,000 lines took 50 ms).
     */
    static final int TAIL_BYTES = 256 * 1024;
    static final int TAIL_LINES = 2_000;
    private static final LineIndex LINES = new LineIndex();

    /** Text of bytes [start, end) whose first line is number {@code firstLine}. */
    record Slice(long start, long end, long firstLine, String text) {

        long lines() {
            return text.chars().filter(c -> c == '\n').count();
        }
    }

    private LogSlices() {
    }

    /** The log's last lines (see {@link #TAIL_BYTES}); the final line only when the log is complete. */
    static Slice tail(Path file, boolean complete) {
        long size = size(file);
        long end = complete ? size : lineEnd(file, 0, size);
        long start = lastLinesStart(file, end);
        return slice(file, start, end, countLines(file, start) + 1);
    }

    /** The lines before {@code before}, as many as {@link #tail} gives. */
    static Slice before(Path file, long before) {
        long end = Math.min(before, size(file));
        long start = lastLinesStart(file, end);
        return slice(file, start, end, countLines(file, start) + 1);
    }

    /** What follows {@code from}, at most {@code max} bytes of whole lines (the partial last one once complete). */
    static Slice after(Path file, long from, long firstLine, int max, boolean complete) {
        long size = size(file);
        long limit = Math.min(size, from + max);
        long end = complete && limit == size ? size : lineEnd(file, from, limit);
        return slice(file, from, Math.max(from, end), firstLine);
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Slice slice(Path file, long start, long end, long firstLine) {
        if (end <= start) {
            return new Slice(start, start, firstLine, "");
        }
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) (end - start)];
            raf.seek(start);
            raf.readFully(bytes);
            return new Slice(start, end, firstLine, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the last {@link #TAIL_LINES} lines before {@code end} start, no further back than {@link #TAIL_BYTES}. */
    private static long lastLinesStart(Path file, long end) {
        if (end <= 0) {
            return 0;
        }
        long floor = Math.max(0, end - TAIL_BYTES);
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            int lines = 0;
            // the newline ending the last line does not start a line
            for (long pos = end - 1; pos > floor; ) {
                long s = Math.max(floor, pos - 64 * 1024);
                byte[] buf = new byte[(int) (pos - s)];
                raf.seek(s);
                raf.readFully(buf);
                for (int i = buf.length - 1; i >= 0; i--) {
                    if (buf[i] == '\n' && ++lines == TAIL_LINES) {
                        return s + i + 1;
                    }
                }
                pos = s;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lineStart(file, floor);
    }

    /** The first line start at or after {@code at} (0 stays 0). */
    private static long lineStart(Path file, long at) {
        if (at == 0) {
            return 0;
        }
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(at - 1);
            int b;
            while ((b = raf.read()) >= 0 && b != '\n') {
                at++;
            }
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Just after the last newline in [from, limit), or {@code from} when there is none. */
    private static long lineEnd(Path file, long from, long limit) {
        if (limit <= from) {
            return from;
        }
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            int chunk = (int) Math.min(limit - from, 64 * 1024);
            for (long pos = limit; pos > from; pos -= chunk) {
                long s = Math.max(from, pos - chunk);
                byte[] buf = new byte[(int) (pos - s)];
                raf.seek(s);
                raf.readFully(buf);
                for (int i = buf.length - 1; i >= 0; i--) {
                    if (buf[i] == '\n') {
                        return s + i + 1;
                    }
                }
            }
            return from;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Newlines before {@code end}, counted once per log and then from the nearest checkpoint (see {@link LineIndex}). */
    private static long countLines(Path file, long end) {
        return LINES.linesBefore(file, end);
    }
}
