package dev.sluice.engine;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Auto-cancel of redundant pipelines ({@code workflow:auto_cancel:on_new_commit}): what to cancel in
 * an older pipeline when a pipeline for a newer commit on the same ref is created. The caller decides
 * that the pipeline is redundant; this decides what the cancel may touch, and returns the events.
 */
public enum AutoCancelPolicy {
    /** Cancel the whole pipeline, but only while no {@code interruptible: false} job has started. */
    CONSERVATIVE,
    /** Cancel only the jobs marked {@code interruptible: true}, whatever else runs. */
    INTERRUPTIBLE,
    /** Never auto-cancel. */
    NONE;

    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy for a {@code on_new_commit} value; unset means GitLab's default, conservative. */
    public static Optional<AutoCancelPolicy> fromYaml(Optional<String> onNewCommit) {
        return onNewCommit.isEmpty()
                ? Optional.of(CONSERVATIVE)
                : Arrays.stream(values()).filter(p -> p.yaml().equals(onNewCommit.get())).findFirst();
    }

    /** The events that auto-cancel {@code pipeline} now; empty when it is protected or finished. */
    public List<Event> cancelEvents(Pipeline pipeline, Instant at) {
        if (pipeline.status().isCompleted()) {
            return List.of();
        }
        return switch (this) {
            case CONSERVATIVE -> protectedByNonInterruptibleJob(pipeline) ? List.of() : List.of(new Event.CancelPipeline(at));
            case INTERRUPTIBLE -> pipeline.latestJobs().stream()
                    .filter(j -> j.planned().interruptible() && j.status().isCancelable())
                    .map(j -> (Event) new Event.CancelJob(j.id(), at))
                    .toList();
            case NONE -> List.of();
        };
    }

    /**
     * Once a non-interruptible job has started, the pipeline is protected for good, even after that job
     * finished or was retried. Jobs that never started count as interruptible; trigger jobs only matter
     * in {@link #INTERRUPTIBLE} mode.
     */
    private static boolean protectedByNonInterruptibleJob(Pipeline pipeline) {
        return pipeline.jobs().stream()
                .anyMatch(j -> !j.isTrigger() && !j.planned().interruptible() && j.startedAt().isPresent());
    }
}
