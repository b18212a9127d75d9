package dev.sluice.runner;

import java.time.Duration;
import java.util.Optional;

/**
 * gitlab-runner's automatic retries: the same request again on 408, 429, 500, 502, 503, 504 and every
 * status from 512, up to {@code retries} more times, backing off from {@code minBackoff} to
 * {@code maxBackoff} and honouring {@code Retry-After}.
 */
public record RetryPolicy(int retries, Duration minBackoff, Duration maxBackoff) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    public static boolean retryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504
                || status >= 512;
    }

    /** How long to wait before retry {@code attempt} (1-based). */
    public Duration backoff(int attempt, Optional<String> retryAfter) {
        Optional<Duration> asked = retryAfter.flatMap(RetryPolicy::seconds);
        if (asked.isPresent()) {
            return asked.get().compareTo(maxBackoff.multipliedBy(30)) > 0 ? maxBackoff.multipliedBy(30) : asked.get();
        }
        Duration d = minBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
