package dev.sluice.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Logs as files under the data directory, one per job; appends to one job are serialised. */
final class FileTraces implements Traces {

    private final Path dir;

    FileTraces(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long append(long jobId, long offset, byte[] bytes) {
        Path file = file(jobId);
        synchronized (lockFor(jobId)) {
            try {
                long size = size(jobId);
                if (offset != size) {
                    return size;
                }
                Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return size + bytes.length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public long size(long jobId) {
        try {
            Path file = file(jobId);
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] read(long jobId) {
        try {
            Path file = file(jobId);
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(long jobId) {
        return dir.resolve(jobId + ".log");
    }

    private final java.util.concurrent.ConcurrentHashMap<Long, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    private Object lockFor(long jobId) {
        return locks.computeIfAbsent(jobId, id -> new Object());
    }
}
