package dev.sluice.server.web;

import java.time.Duration;
import java.util.Optional;

/** Signed-in browsers, kept by the coordinator's store so a restart and every node of a cluster know them. */
public interface Sessions {

    /** GitLab's default session lifetime: a week from signing in. */
    Duration LIFETIME = Duration.ofDays(7);

    /**
     * @param secret the cookie's value (the store keeps only its hash)
     * @param csrf   the token every form and htmx request of this session must carry
     */
    record Session(String secret, long userId, String csrf) {
    }

    /** A new session for the user, with a fresh secret and CSRF token; drops expired sessions on the way. */
    Session start(long userId);

    /** The unexpired session whose cookie holds {@code secret}. */
    Optional<Session> find(String secret);

    void end(String secret);
}
