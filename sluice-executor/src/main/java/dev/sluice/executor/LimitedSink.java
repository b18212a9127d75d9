package dev.sluice.executor;

/**
 * Stops collecting the log past a size limit (gitlab-runner's {@code output_limit}, 4 MiB by default),
 * with GitLab's warning. The job keeps running and its result is unaffected.
 */
public final class LimitedSink implements TraceSink {

    public static final long DEFAULT_LIMIT = 4L * 1024 * 1024;

    private final TraceSink next;
    private final long limit;
    private long written;
    private boolean exceeded;

    public LimitedSink(TraceSink next, long limit) {
        this.next = next;
        this.limit = limit;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (exceeded) {
            return;
        }
        long room = limit - written;
        if (length <= room) {
            written += length;
            next.write(bytes, offset, length);
            return;
        }
        if (room > 0) {
            next.write(bytes, offset, (int) room);
        }
        written = limit;
        exceeded = true;
        next.write("\n" + JobLog.RED + "Job's log exceeded limit of " + limit + " bytes.\n"
                + "Job execution will continue but no more output will be collected." + JobLog.RESET + "\n");
    }

    public synchronized boolean exceeded() {
        return exceeded;
    }

    @Override
    public void close() {
        next.close();
    }
}
