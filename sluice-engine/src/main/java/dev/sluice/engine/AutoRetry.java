package dev.sluice.engine;

import dev.sluice.config.model.Retry;
import dev.sluice.model.FailureReason;
import java.util.List;
import java.util.Map;

/**
 * Whether a failed job is retried by itself, as GitLab's {@code Gitlab::Ci::Build::AutoRetry}:
 * {@code retry:max} applies when the failure reason is in {@code retry:when} (default {@code always},
 * but no default when {@code exit_codes} is given) or the exit code is in {@code retry:exit_codes};
 * every earlier attempt of the job, manual retries included, counts against it.
 */
final class AutoRetry {

    /** Reasons GitLab never retries, whatever the configuration says. */
    private static final Map<FailureReason, Integer> OVERRIDES = Map.of(
            FailureReason.CI_QUOTA_EXCEEDED, 0, FailureReason.NO_MATCHING_RUNNER, 0,
            FailureReason.MISSING_DEPENDENCY_FAILURE, 0, FailureReason.FORWARD_DEPLOYMENT_FAILURE, 0,
            FailureReason.ENVIRONMENT_CREATION_FAILURE, 0);

    /** Retries GitLab makes without configuration. */
    private static final Map<FailureReason, Integer> DEFAULTS = Map.of(FailureReason.SCHEDULER_FAILURE, 2);

    private AutoRetry() {
    }

    static boolean allowed(Job failed, List<Job> allAttempts) {
        FailureReason reason = failed.failureReason().orElse(FailureReason.UNKNOWN_FAILURE);
        long earlierAttempts = allAttempts.stream()
                .filter(j -> j.retried() && j.name().equals(failed.name())).count();
        int max = OVERRIDES.getOrDefault(reason, configuredMax(failed, reason));
        return max > 0 && max > earlierAttempts;
    }

    private static int configuredMax(Job failed, FailureReason reason) {
        Retry retry = failed.planned().definition().retry();
        List<String> when = retry.when().isEmpty() && retry.exitCodes().isEmpty() ? List.of("always") : retry.when();
        boolean onReason = when.contains("always") || when.contains(reason.yaml());
        boolean onExitCode = failed.exitCode().map(retry.exitCodes()::contains).orElse(false);
        // retry.max 0 is how an absent `retry` arrives: then GitLab's own defaults apply
        if (retry.max() > 0 && (onReason || onExitCode)) {
            return retry.max();
        }
        return DEFAULTS.getOrDefault(reason, 0);
    }
}
