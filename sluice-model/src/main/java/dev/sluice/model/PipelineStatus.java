package dev.sluice.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A pipeline's (or stage's) status: the composite of its jobs' statuses, spelled as GitLab spells it.
 * {@code manual} is what the UI shows as "blocked".
 */
public enum PipelineStatus {
    CREATED, WAITING_FOR_RESOURCE, PREPARING, PENDING, RUNNING, SUCCESS, FAILED, CANCELING, CANCELED,
    SKIPPED, MANUAL, SCHEDULED;

    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PipelineStatus> fromYaml(String text) {
        return Arrays.stream(values()).filter(s -> s.yaml().equals(text)).findFirst();
    }

    /** Success, failed, canceled or skipped: the pipeline has finished (until a job is retried). */
    public boolean isCompleted() {
        return this == SUCCESS || this == FAILED || this == CANCELED || this == SKIPPED;
    }
}
