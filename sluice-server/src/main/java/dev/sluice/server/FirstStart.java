package dev.sluice.server;

import java.util.List;
import java.util.Optional;

/**
 * An empty store gets user {@code root}, an admin, and one token for it, so that someone can use the API at all;
 * on an interactive first start (no token given) also a password, so that someone can sign in to the web UI.
 */
final class FirstStart {

    /** Shorter secrets are too easy to guess to guard an administrator. */
    static final int MIN_TOKEN_LENGTH = 20;

    private FirstStart() {
    }

    /** Root's generated secrets, which exist nowhere else in clear: the caller shows them once. */
    record Generated(String token, String password) {
    }

    /**
     * Creates root when no user exists, with {@code given} as its token (SLUICE_ADMIN_TOKEN; automation then sets a
     * password when it wants one) or else a generated token and password.
     */
    static Optional<Generated> ensureAdmin(Users users, AccessTokens tokens, Optional<String> given) {
        given.filter(t -> t.length() < MIN_TOKEN_LENGTH).ifPresent(t -> {
            throw new IllegalArgumentException("the admin token (SLUICE_ADMIN_TOKEN) must be at least " + MIN_TOKEN_LENGTH
                    + " characters long");
        });
        if (users.count() > 0) {
            return Optional.empty();
        }
        String token = given.orElseGet(() -> Tokens.generate("glpat-"));
        var root = users.create("root", "Administrator", null, true);
        tokens.create(root.id(), "first start", Tokens.hash(token), List.of("api"), null);
        if (given.isPresent()) {
            return Optional.empty();
        }
        String password = Tokens.generate("");
        users.setPassword(root.id(), Passwords.hash(password));
        return Optional.of(new Generated(token, password));
    }
}
