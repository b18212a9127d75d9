package dev.sluice.server;

import static dev.sluice.server.Authentication.Access.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GitLab's users and personal access tokens API: who am I, admins create users and their tokens, revoke. */
final class UserApi {

    private final Users users;
    private final AccessTokens tokens;
    private final Clock clock;

    UserApi(Users users, AccessTokens tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    void routes(Javalin app) {
        app.get("/api/v4/user", ctx -> RunnerApi.json(ctx, 200, view(Authentication.user(ctx))));
        app.get("/api/v4/users", this::list);
        app.post("/api/v4/users", this::create, ADMIN);
        app.put("/api/v4/users/{id}", this::update, ADMIN);
        app.post("/api/v4/users/{id}/personal_access_tokens", this::createToken, ADMIN);
        app.get("/api/v4/personal_access_tokens", this::listTokens);
        app.delete("/api/v4/personal_access_tokens/{id}", this::revoke);
    }

    private void list(Context ctx) {
        var page = Page.of(ctx);
        String username = ctx.queryParam("username");
        if (username != null) {
            var found = users.byUsername(username).map(List::of).orElse(List.of());
            page.respond(ctx, found.size(), found.stream().map(UserApi::view).toList());
            return;
        }
        page.respond(ctx, users.count(), users.list(page.offset(), page.perPage()).stream().map(UserApi::view).toList());
    }

    private void create(Context ctx) {
        JsonNode body = RunnerApi.body(ctx, JsonNode.class);
        String username = required(body, "username");
        if (!username.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}")) {
            throw new RunnerApi.Refused(400, "400 Bad Request - username may hold only letters, digits, '_', '.' and '-'");
        }
        if (users.byUsername(username).isPresent()) {
            throw new RunnerApi.Refused(409, "Username has already been taken");
        }
        var password = optional(body, "password").map(UserApi::passwordHash);
        var user = users.create(username, optional(body, "name").orElse(username), optional(body, "email").orElse(null),
                body.path("admin").asBoolean(false));
        password.ifPresent(hash -> users.setPassword(user.id(), hash));
        RunnerApi.json(ctx, 201, view(user));
    }

    /** GitLab's PUT /users/:id; of its fields only {@code password} (for web sign-in) is taken so far. */
    private void update(Context ctx) {
        var user = users.find(id(ctx.pathParam("id"))).orElseThrow(() -> new RunnerApi.Refused(404, "404 User Not Found"));
        JsonNode body = RunnerApi.body(ctx, JsonNode.class);
        optional(body, "password").map(UserApi::passwordHash).ifPresent(hash -> users.setPassword(user.id(), hash));
        RunnerApi.json(ctx, 200, view(user));
    }

    private static String passwordHash(String password) {
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + problem);
        }
        return Passwords.hash(password);
    }

    private void createToken(Context ctx) {
        var user = users.find(id(ctx.pathParam("id"))).orElseThrow(() -> new RunnerApi.Refused(404, "404 User Not Found"));
        JsonNode body = RunnerApi.body(ctx, JsonNode.class);
        String name = required(body, "name");
        var scopes = new ArrayList<String>();
        body.path("scopes").forEach(s -> scopes.add(s.asText()));
        LocalDate expires = optional(body, "expires_at").map(UserApi::date).orElse(null);
        var issued = issue(tokens, clock, user.id(), name, scopes, expires);
        var view = view(issued.token());
        view.put("token", issued.secret());
        RunnerApi.json(ctx, 201, view);
    }

    /** A new token and its secret, shown only this once. */
    record Issued(AccessTokens.Token token, String secret) {
    }

    /** Makes a personal access token (for the REST API and the web UI's tokens page alike), or refuses with a 400. */
    static Issued issue(AccessTokens tokens, Clock clock, long userId, String name, List<String> scopes, LocalDate expires) {
        if (scopes.isEmpty() || !AccessTokens.SCOPES.containsAll(scopes)) {
            throw new RunnerApi.Refused(400, "400 Bad Request - scopes must name some of " + String.join(", ", AccessTokens.SCOPES));
        }
        if (expires != null && !expires.isAfter(LocalDate.now(clock))) {
            throw new RunnerApi.Refused(400, "400 Bad Request - expires_at must be a future date");
        }
        String secret = Tokens.generate("glpat-");
        return new Issued(tokens.create(userId, name, Tokens.hash(secret), List.copyOf(scopes), expires), secret);
    }

    /** Admins see every token (or one user's with {@code user_id}); others their own. */
    private void listTokens(Context ctx) {
        var me = Authentication.user(ctx);
        Optional<Long> owner = me.admin()
                ? Optional.ofNullable(ctx.queryParam("user_id")).map(UserApi::id)
                : Optional.of(me.id());
        var all = tokens.list(owner);
        var page = Page.of(ctx);
        page.respond(ctx, all.size(), all.stream().skip(page.offset()).limit(page.perPage()).map(this::view).toList());
    }

    private void revoke(Context ctx) {
        var me = Authentication.user(ctx);
        var token = tokens.find(id(ctx.pathParam("id"))).filter(t -> me.admin() || t.userId() == me.id())
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Not Found"));
        tokens.revoke(token.id());
        ctx.status(204);
    }

    static Map<String, Object> view(Users.User u) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", u.id());
        m.put("username", u.username());
        m.put("name", u.name());
        m.put("state", "active");
        m.put("email", u.email());
        m.put("is_admin", u.admin());
        m.put("created_at", u.createdAt().toString());
        return m;
    }

    private Map<String, Object> view(AccessTokens.Token t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("revoked", t.revoked());
        m.put("created_at", t.createdAt().toString());
        m.put("scopes", t.scopes());
        m.put("user_id", t.userId());
        m.put("last_used_at", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        m.put("active", t.active(LocalDate.now(clock)));
        m.put("expires_at", t.expiresAt() == null ? null : t.expiresAt().toString());
        return m;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RunnerApi.Refused(400, "400 Bad Request - expires_at must be a date like 2030-12-31");
        }
    }

    private static String required(JsonNode body, String field) {
        return optional(body, field).orElseThrow(() -> new RunnerApi.Refused(400, "400 Bad Request - " + field + " is missing"));
    }

    private static Optional<String> optional(JsonNode body, String field) {
        return Optional.ofNullable(body.get(field)).filter(n -> !n.isNull()).map(JsonNode::asText).filter(s -> !s.isBlank());
    }

    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RunnerApi.Refused(404, "404 Not Found");
        }
    }
}
