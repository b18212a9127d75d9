package dev.sluice.executor;

import java.util.Locale;

/** Why a job failed, as far as a runner can tell (GitLab's {@code failure_reason} values a runner sends). */
public enum RunFailure {
    /** The script exited non-zero, or an artifact report was rejected. */
    SCRIPT_FAILURE,
    /** The job ran past its timeout. */
    JOB_EXECUTION_TIMEOUT,
    /** The executor, the working copy, or an artifact or cache store failed. */
    RUNNER_SYSTEM_FAILURE;

    public String gitlabName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
