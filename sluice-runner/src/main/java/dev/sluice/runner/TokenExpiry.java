package dev.sluice.runner;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * When the runner's authentication token was obtained and when it expires ({@code token_obtained_at},
 * {@code token_expires_at}). gitlab-runner resets the token once 75 % of its lifetime has passed.
 */
public record TokenExpiry(Instant obtainedAt, Instant expiresAt) {

    /** gitlab-runner's {@code TokenResetIntervalFactor}. */
    static final double RESET_FACTOR = 0.75;

    public boolean resetDue(Instant now) {
        long lifetime = Duration.between(obtainedAt, expiresAt).toMillis();
        return !now.isBefore(obtainedAt.plusMillis((long) (lifetime * RESET_FACTOR)));
    }

    /**
     * From the server's {@code token_expires_at}: none when absent, {@code null} or Go's zero time
     * ({@code 0001-01-01T00:00:00Z}), which means the token never expires.
     */
    public static Optional<TokenExpiry> of(Instant obtainedAt, String expiresAt) {
        return parse(expiresAt).map(e -> new TokenExpiry(obtainedAt, e));
    }

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant t = OffsetDateTime.parse(text.strip()).toInstant();
            return t.isAfter(Instant.parse("0002-01-01T00:00:00Z")) ? Optional.of(t) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
