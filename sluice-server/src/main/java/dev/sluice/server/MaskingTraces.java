package dev.sluice.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Stores logs with the job's masked variable values replaced, so no secret reaches a stored log even
 * from a runner that does not mask. Offsets stay the runner's: masking keeps lengths, and the size a
 * runner is told counts the few bytes held back in memory (a possible start of a secret) as received.
 * A server restart loses those held bytes, as it loses the running pipelines.
 */
final class MaskingTraces implements Traces {

    private final Traces stored;
    private final LongFunction<List<String>> secrets;
    private final Map<Long, TraceMask> open = new ConcurrentHashMap<>();

    /** @param secrets the masked variable values of a running job */
    MaskingTraces(Traces stored, LongFunction<List<String>> secrets) {
        this.stored = stored;
        this.secrets = secrets;
    }

    @Override
    public long append(long jobId, long offset, byte[] bytes) {
        TraceMask mask = open.computeIfAbsent(jobId, id -> new TraceMask(secrets.apply(id)));
        synchronized (mask) {
            long size = stored.size(jobId) + mask.held();
            if (offset != size) {
                return size;
            }
            stored.append(jobId, stored.size(jobId), mask.feed(bytes));
            return stored.size(jobId) + mask.held();
        }
    }

    @Override
    public long size(long jobId) {
        TraceMask mask = open.get(jobId);
        if (mask == null) {
            return stored.size(jobId);
        }
        synchronized (mask) {
            return stored.size(jobId) + mask.held();
        }
    }

    @Override
    public byte[] read(long jobId) {
        return stored.read(jobId);
    }

    @Override
    public void finish(long jobId) {
        TraceMask mask = open.remove(jobId);
        if (mask != null) {
            synchronized (mask) {
                stored.append(jobId, stored.size(jobId), mask.finish());
            }
        }
    }
}
