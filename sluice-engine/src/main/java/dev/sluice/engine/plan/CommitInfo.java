package dev.sluice.engine.plan;

import java.time.OffsetDateTime;

/** The commit a pipeline runs for, for {@code CI_COMMIT_*}. */
public record CommitInfo(String sha, String message, String authorName, String authorEmail, OffsetDateTime timestamp) {

    /** The first line of the message. */
    public String title() {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The message without its title line (and the blank line after it). */
    public String description() {
        int nl = message.indexOf('\n');
        return nl < 0 ? "" : message.substring(nl + 1).replaceFirst("^\n", "");
    }
}
