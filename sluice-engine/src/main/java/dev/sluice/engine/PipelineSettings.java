package dev.sluice.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * Pipeline-wide settings the state machine applies: the project's job timeout (for jobs without
 * {@code timeout}) and {@code workflow:auto_cancel:on_job_failure: all} (cancel the pipeline as soon
 * as a job fails for good).
 */
public record PipelineSettings(Optional<Duration> projectTimeout, boolean cancelOnJobFailure) {

    /** No project timeout, no cancel on failure. */
    public static final PipelineSettings DEFAULT = new PipelineSettings(Optional.empty(), false);

    public PipelineSettings withProjectTimeout(Duration timeout) {
        return new PipelineSettings(Optional.of(timeout), cancelOnJobFailure);
    }

    public PipelineSettings withCancelOnJobFailure(boolean cancel) {
        return new PipelineSettings(projectTimeout, cancel);
    }
}
