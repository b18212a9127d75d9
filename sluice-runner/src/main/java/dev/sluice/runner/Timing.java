package dev.sluice.runner;

import java.time.Duration;

/**
 * The runner's clocks, gitlab-runner's defaults in {@link #defaults()}; tests shorten them.
 *
 * @param updateInterval    between trace patches, until the server sends {@code X-GitLab-Trace-Update-Interval}
 * @param forceSendInterval a keep-alive {@code PUT} when nothing was sent for this long
 * @param finalUpdateRetries how often the final update is retried ({@code job_status_final_update_retry_limit})
 */
public record Timing(Duration updateInterval, Duration forceSendInterval, int finalUpdateRetries, Duration maxBackoff) {

    public static Timing defaults() {
        return new Timing(Duration.ofSeconds(3), Duration.ofSeconds(30), 10, Duration.ofMinutes(60));
    }
}
