package dev.sluice.server.web;

import java.time.Duration;
import java.time.Instant;

/** The rows the pages show, read by {@link WebReads} in one query per list. */
final class Views {

    private Views() {
    }

    record ProjectView(long id, String name, String path, String repoDir, String defaultBranch, String lastStatus) {
    }

    /**
     * @param triggeredBy the username of who started it; null when not known
     * @param source what started it: push, api, merge_request_event... (GitLab's words)
     */
    record PipelineView(long id, long projectId, String ref, String sha, String status, String errors, Instant created,
                        Instant started, Instant finished, String triggeredBy, String source) {

        Duration duration(Instant now) {
            return Views.duration(started, finished, now);
        }
    }

    /** @param attempts how many times a job of this name ran in the pipeline (1 when never retried) */
    record JobView(long id, long pipelineId, long engineJobId, String name, String stage, String status, Long runnerId,
                   String failureReason, Instant created, Instant started, Instant finished, int attempts) {

        Duration duration(Instant now) {
            return Views.duration(started, finished, now);
        }

        boolean complete() {
            return Status.finished(status);
        }
    }

    /** Null before the start; up to now while running. */
    static Duration duration(Instant started, Instant finished, Instant now) {
        if (started == null) {
            return null;
        }
        return Duration.between(started, finished == null ? now : finished);
    }

    /** GitLab's short form: 45s, 3m 05s, 1h 02m. */
    static String format(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return "%dm %02ds".formatted(s / 60, s % 60);
        }
        return "%dh %02dm".formatted(s / 3600, s % 3600 / 60);
    }
}
