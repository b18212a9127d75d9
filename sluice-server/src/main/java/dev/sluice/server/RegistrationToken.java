package dev.sluice.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The instance's runner registration token: stored in {@link InstanceSettings} so that an administrator's reset
 * survives a restart, and cached here because every registration checks it. A reset on this node takes effect at
 * once; other nodes of a cluster re-read the stored value at most {@link #REFRESH} later.
 */
final class RegistrationToken {

    static final String SETTING = "runner_registration_token";
    static final Duration REFRESH = Duration.ofSeconds(10);
    /** GitLab's registration tokens start with this. */
    private static final String PREFIX = "GR1348941";

    private final InstanceSettings settings;
    private final Clock clock;
    private final Optional<String> notice;
    private String current;
    private Instant readAt;

    private RegistrationToken(InstanceSettings settings, Clock clock, String current, Optional<String> notice) {
        this.settings = settings;
        this.clock = clock;
        this.current = current;
        this.readAt = clock.instant();
        this.notice = notice;
    }

    /**
     * The token at start. A configured one ({@code --registration-token}, {@code SLUICE_REGISTRATION_TOKEN}) wins:
     * configuration is what the operator asked for, so it replaces a stored one (a reset from the web UI included),
     * with a notice. Without one, the stored token is kept; on the very first start it is the one an older Sluice
     * kept in {@code legacyFile}, else a new one.
     *
     * @param configured null or blank when none was configured
     */
    static RegistrationToken open(InstanceSettings settings, String configured, Path legacyFile, Clock clock) {
        Optional<String> stored = settings.get(SETTING);
        if (configured != null && !configured.isBlank()) {
            Optional<String> notice = Optional.empty();
            if (stored.isPresent() && !stored.get().equals(configured)) {
                notice = Optional.of("The configured registration token replaces the stored one (reset from the web UI or the API):"
                        + " runners register with the configured one.");
            }
            if (!stored.equals(Optional.of(configured))) {
                settings.put(SETTING, configured);
            }
            return new RegistrationToken(settings, clock, configured, notice);
        }
        if (stored.isPresent()) {
            return new RegistrationToken(settings, clock, stored.get(), Optional.empty());
        }
        String first = settings.putIfAbsent(SETTING, legacy(legacyFile).orElseGet(() -> Tokens.generate(PREFIX)));
        return new RegistrationToken(settings, clock, first, Optional.empty());
    }

    private static Optional<String> legacy(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()).filter(t -> !t.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the registration token in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Said once at start when the configured token replaced a stored one; empty otherwise. */
    Optional<String> notice() {
        return notice;
    }

    synchronized String current() {
        if (Duration.between(readAt, clock.instant()).compareTo(REFRESH) >= 0) {
            current = settings.get(SETTING).orElse(current);
            readAt = clock.instant();
        }
        return current;
    }

    /** Whether a runner may register with {@code presented}; compared in constant time. */
    boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                current().getBytes(StandardCharsets.UTF_8));
    }

    /** A new token replaces the current one, here at once; the old one no longer registers a runner. */
    synchronized String reset() {
        String fresh = Tokens.generate(PREFIX);
        settings.put(SETTING, fresh);
        current = fresh;
        readAt = clock.instant();
        return fresh;
    }
}
