package dev.sluice.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a job failed, spelled as GitLab's {@code failure_reason} (and {@code retry:when}) spells it.
 * Runners report some of these; the coordinator decides the others.
 */
public enum FailureReason {
    UNKNOWN_FAILURE, SCRIPT_FAILURE, API_FAILURE, STUCK_OR_TIMEOUT_FAILURE, RUNNER_SYSTEM_FAILURE,
    RUNNER_UNSUPPORTED, STALE_SCHEDULE, JOB_EXECUTION_TIMEOUT, ARCHIVED_FAILURE, UNMET_PREREQUISITES,
    SCHEDULER_FAILURE, DATA_INTEGRITY_FAILURE, RUNNER_CONFIGURATION_ERROR, RUNNER_EXTERNAL_DEPENDENCY_FAILURE,
    RUNNER_INTERRUPTED, NO_UPDATES_RUNNING, NO_UPDATES_CANCELING, SERVER_TIMEOUT_RUNNING,
    SERVER_TIMEOUT_CANCELING, STUCK_PENDING_WITH_MATCHING_RUNNERS, STUCK_PENDING_NO_MATCHING_RUNNERS,
    MISSING_DEPENDENCY_FAILURE, CI_QUOTA_EXCEEDED, NO_MATCHING_RUNNER, FORWARD_DEPLOYMENT_FAILURE,
    ENVIRONMENT_CREATION_FAILURE, DOWNSTREAM_PIPELINE_CREATION_FAILED;

    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FailureReason> fromYaml(String text) {
        return Arrays.stream(values()).filter(r -> r.yaml().equals(text)).findFirst();
    }
}
