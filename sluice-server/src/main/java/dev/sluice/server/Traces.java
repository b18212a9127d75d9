package dev.sluice.server;

/** Job logs, append-only at an exact offset. */
interface Traces {

    /** Appends at {@code offset} when it equals the current size; returns the size after (unchanged on a wrong offset). */
    long append(long jobId, long offset, byte[] bytes);

    long size(long jobId);

    byte[] read(long jobId);

    /** The job's log is complete: nothing more will be appended. */
    default void finish(long jobId) {
    }
}
