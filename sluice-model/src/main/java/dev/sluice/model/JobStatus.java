package dev.sluice.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's status, spelled as GitLab's API and UI spell it ({@link #yaml()}). {@code canceling} is
 * GitLab's graceful-cancel state; Sluice's engine cancels at once and does not produce it yet.
 */
public enum JobStatus {
    CREATED, WAITING_FOR_RESOURCE, PREPARING, PENDING, RUNNING, SUCCESS, FAILED, CANCELING, CANCELED,
    SKIPPED, MANUAL, SCHEDULED;

    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JobStatus> fromYaml(String text) {
        return Arrays.stream(values()).filter(s -> s.yaml().equals(text)).findFirst();
    }

    /** GitLab's {@code COMPLETED_STATUSES}: the job will not change again unless retried. */
    public boolean isCompleted() {
        return this == SUCCESS || this == FAILED || this == CANCELED || this == SKIPPED;
    }

    /** GitLab's {@code CANCELABLE_STATUSES}: what a pipeline cancel turns into {@code canceled}. */
    public boolean isCancelable() {
        return switch (this) {
            case CREATED, WAITING_FOR_RESOURCE, PREPARING, PENDING, RUNNING, SCHEDULED -> true;
            default -> false;
        };
    }
}
