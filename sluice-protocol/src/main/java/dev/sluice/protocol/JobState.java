package dev.sluice.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code state} of a job update; GitLab answers any other value with {@code 400}. */
public enum JobState {
    /** Two-phase commit keep-alive while the runner prepares. */
    PENDING,
    /** The ack after {@code jobs/request}, and the keep-alive while the job runs. */
    RUNNING,
    SUCCESS,
    FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == SUCCESS || this == FAILED;
    }

    public static Optional<JobState> fromWire(String text) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst();
    }
}
