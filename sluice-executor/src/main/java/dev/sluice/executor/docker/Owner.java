package dev.sluice.executor.docker;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Sluice process that created a container or network, written on it as a label. Leftovers whose owner
 * is no longer alive (Sluice was killed) are removed at the next start; those of a live process are its own.
 * Only owners on this host are judged: a pid means nothing in another host's (or container's) process table.
 *
 * @param id {@code <pid>-<start time in ms>}: a reused pid does not make a dead owner look alive
 */
record Owner(String id) {

    static final String MANAGED = "dev.sluice.managed";
    static final String OWNER = "dev.sluice.owner";
    static final String ROLE = "dev.sluice.role";
    static final String JOB_ID = "dev.sluice.job.id";
    static final String JOB_NAME = "dev.sluice.job.name";
    static final String HOST = "dev.sluice.host";
    static final String THIS_HOST = hostName();

    private static final AtomicLong SEQUENCE = new AtomicLong();

    static Owner current() {
        return of(ProcessHandle.current());
    }

    static Owner of(ProcessHandle process) {
        long start = process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        return new Owner(process.pid() + "-" + start);
    }

    /** Whether the process named by an owner label still runs. */
    static boolean isAlive(String ownerId) {
        int dash = ownerId.indexOf('-');
        if (dash < 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(ownerId.substring(0, dash));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isPresent() && process.get().isAlive() && of(process.get()).id().equals(ownerId);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A name prefix no other job of any Sluice process on this engine uses: {@code sluice-<pid>-<seq>-job<id>}. */
    String namePrefix(long jobId) {
        return "sluice-" + id.substring(0, id.indexOf('-')) + "-" + SEQUENCE.incrementAndGet() + "-job" + jobId;
    }

    Map<String, String> labels(String role, long jobId, String jobName) {
        return Map.of(MANAGED, "true", OWNER, id, HOST, THIS_HOST, ROLE, role, JOB_ID, Long.toString(jobId), JOB_NAME, jobName);
    }

    private static String hostName() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Objects.requireNonNullElse(System.getenv("HOSTNAME"), "localhost");
        }
    }
}
