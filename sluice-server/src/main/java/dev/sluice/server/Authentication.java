package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The one check in front of the REST API: the caller's personal access token ({@code PRIVATE-TOKEN} header or
 * {@code Authorization: Bearer}) names the user that handlers read with {@link #user}. Routes say who may call
 * them with an {@link Access} role; a route without one needs any signed-in user.
 */
final class Authentication {

    /**
     * Route roles: the runner API authenticates with runner and job tokens itself, forge webhooks with the
     * project's webhook secret; admin routes need an admin.
     */
    enum Access implements RouteRole { RUNNER, WEBHOOK, ADMIN }

    private static final String USER = "sluice.user";
    /** GitLab writes last_used_at at most every 10 minutes; once a minute is close enough and spares the store. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Users users;
    private final AccessTokens tokens;
    private final Clock clock;

    Authentication(Users users, AccessTokens tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    void install(Javalin app) {
        app.beforeMatched(this::check);
    }

    /** The signed-in user of a REST request (set by the filter before any handler runs). */
    static Users.User user(Context ctx) {
        return ctx.attribute(USER);
    }

    private void check(Context ctx) {
        if (!ctx.path().startsWith("/api/v4/") || ctx.routeRoles().contains(Access.RUNNER)
                || ctx.routeRoles().contains(Access.WEBHOOK)) {
            return;
        }
        var signedIn = secret(ctx).flatMap(this::signIn).orElseThrow(() -> new RunnerApi.Refused(401, "401 Unauthorized"));
        if (!signedIn.token().allows(ctx.method().name(), ctx.path())) {
            throw new RunnerApi.Refused(403, "403 Forbidden - insufficient_scope: the token's scopes do not allow this request");
        }
        if (ctx.routeRoles().contains(Access.ADMIN) && !signedIn.user().admin()) {
            throw new RunnerApi.Refused(403, "403 Forbidden - administrators only");
        }
        ctx.attribute(USER, signedIn.user());
    }

    /** A user signed in with one of their personal access tokens. */
    record SignedIn(Users.User user, AccessTokens.Token token) {
    }

    /**
     * The user whose active token this secret is (the REST API's and git's one way in); notes the token's use.
     */
    Optional<SignedIn> signIn(String secret) {
        var token = tokens.byHash(Tokens.hash(secret)).filter(t -> t.active(LocalDate.now(clock)));
        var user = token.flatMap(t -> users.find(t.userId()));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        if (token.get().lastUsedAt() == null || token.get().lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            tokens.used(token.get().id(), now);
        }
        return Optional.of(new SignedIn(user.get(), token.get()));
    }

    private static Optional<String> secret(Context ctx) {
        String header = ctx.header("PRIVATE-TOKEN");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.empty();
    }
}
