package dev.sluice.protocol;

import java.util.List;
import java.util.Map;

/**
 * Which {@code failure_reason} a runner sends: a reason the job's {@code features.failure_reasons} lists
 * goes as it is; others are mapped down as gitlab-runner's {@code failureReasonsCompatibilityMap} does.
 */
public final class FailureReasons {

    /** Understood by every GitLab, listed or not. */
    public static final List<String> ALWAYS = List.of("script_failure", "runner_system_failure", "job_execution_timeout");

    private static final Map<String, String> COMPATIBLE = Map.of(
            "image_pull_failure", "runner_system_failure",
            "runner_configuration_error", "script_failure",
            "runner_external_dependency_failure", "runner_system_failure");

    private FailureReasons() {
    }

    public static String forServer(String reason, List<String> understood) {
        if (reason == null || reason.isEmpty()) {
            return "script_failure";
        }
        List<String> known = understood == null ? List.of() : understood;
        if (ALWAYS.contains(reason) || known.contains(reason)) {
            return reason;
        }
        String fallback = COMPATIBLE.get(reason);
        return fallback != null ? fallback : "unknown_failure";
    }
}
