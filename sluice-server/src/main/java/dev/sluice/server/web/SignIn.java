package dev.sluice.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in, sign-out, and the filter that lets only signed-in people reach the UI's pages: the session's cookie
 * names a {@link Sessions.Session}, whose person and CSRF token every handler reads with {@link #viewer}.
 */
final class SignIn {

    static final String COOKIE = "sluice_session";
    static final String CSRF_FIELD = "authenticity_token";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String VIEWER = "sluice.viewer";
    /** Under {@code /-/} but open to anyone: the sign-in page, and the health and readiness probes (as GitLab's). */
    private static final Set<String> OPEN = Set.of("/-/sign_in", "/-/health", "/-/ready");

    private final Accounts accounts;
    private final Sessions sessions;

    SignIn(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    void register(Javalin app) {
        app.before("/-/*", this::require);
        app.get("/-/sign_in", ctx -> ctx.html(form(returnTo(ctx), null, "")));
        app.post("/-/sign_in", this::signIn);
        app.post("/-/sign_out", this::signOut);
    }

    /** The signed-in viewer of a page or action (the filter has turned everyone else away). */
    static Viewer viewer(Context ctx) {
        return ctx.attribute(VIEWER);
    }

    /** Whether a POST carries its session's CSRF token, as a form field or (htmx) a header. */
    static boolean csrfValid(Context ctx) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                viewer(ctx).csrf().getBytes(StandardCharsets.UTF_8));
    }

    private void require(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/-/assets/") || OPEN.contains(path)) {
            return;
        }
        var viewer = session(ctx).flatMap(s -> accounts.find(s.userId()).map(p -> new Viewer(p, s.csrf())));
        if (viewer.isPresent()) {
            ctx.attribute(VIEWER, viewer.get());
            return;
        }
        boolean page = ctx.method().name().equals("GET") && ctx.header("HX-Request") == null
                && !"text/event-stream".equals(ctx.header("Accept"));
        if (page) {
            String here = path + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/-/sign_in?return_to=" + URLEncoder.encode(here, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        } else {
            ctx.status(401).result("sign in first");
        }
        ctx.skipRemainingHandlers();
    }

    private Optional<Sessions.Session> session(Context ctx) {
        String secret = ctx.cookie(COOKIE);
        return secret == null || secret.isBlank() ? Optional.empty() : sessions.find(secret);
    }

    private void signIn(Context ctx) {
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        String back = returnTo(ctx);
        var person = username == null || password == null ? Optional.<Accounts.Person>empty()
                : accounts.signIn(username.trim(), password);
        if (person.isEmpty()) {
            ctx.status(401).html(form(back, "Invalid username or password.", username == null ? "" : username));
            return;
        }
        var session = sessions.start(person.get().id());
        ctx.header("Set-Cookie", cookie(ctx, session.secret(), Sessions.LIFETIME.toSeconds()));
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    /** Needs the session's CSRF token like every other POST, so another site cannot sign a person out. */
    private void signOut(Context ctx) {
        if (!csrfValid(ctx)) {
            WebRoutes.refuse(ctx, 403, "The form's security token is missing or stale: reload the page and try again.");
            return;
        }
        sessions.end(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        ctx.redirect("/-/sign_in", HttpStatus.SEE_OTHER);
    }

    /** HttpOnly (no script reads it), SameSite=Lax (other sites' POSTs do not carry it), Secure over https. */
    private static String cookie(Context ctx, String value, long maxAge) {
        boolean https = ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
    }

    /** Where to go after signing in: only a path of this server, never another site. */
    private static String returnTo(Context ctx) {
        String to = ctx.queryParam("return_to");
        boolean local = to != null && to.startsWith("/") && !to.startsWith("//") && !to.contains("\\")
                && to.chars().noneMatch(Character::isISOControl);
        return local ? to : "/-/projects";
    }

    private static String form(String returnTo, String error, String username) {
        String content = """
                <section class="panel signin"><h1>Sign in</h1>%s
                <form method="post" action="/-/sign_in?return_to=%s">
                <label>Username <input name="username" autocomplete="username" required autofocus value="%s"></label>
                <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                <button class="btn primary">Sign in</button></form></section>
                """.formatted(error == null ? "" : "<p class=\"alert\" role=\"alert\">" + Html.esc(error) + "</p>",
                Html.esc(URLEncoder.encode(returnTo, StandardCharsets.UTF_8)), Html.esc(username));
        return Layout.page(null, "Sign in", content);
    }
}
