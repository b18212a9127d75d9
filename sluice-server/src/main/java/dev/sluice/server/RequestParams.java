package dev.sluice.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * A REST request's parameters as GitLab's API takes them: a JSON body, a form, or the query string
 * (the {@code --data}/{@code --form}/{@code ?key=} forms curl users mix).
 */
final class RequestParams {

    private final Context ctx;
    private final JsonNode json;

    private RequestParams(Context ctx, JsonNode json) {
        this.ctx = ctx;
        this.json = json;
    }

    static RequestParams of(Context ctx) {
        boolean isJson = ctx.body().stripLeading().startsWith("{");
        return new RequestParams(ctx, isJson ? RunnerApi.body(ctx, JsonNode.class) : null);
    }

    Optional<String> text(String name) {
        if (json != null && json.hasNonNull(name)) {
            return Optional.of(json.get(name).asText());
        }
        if (json == null) {
            String form = ctx.formParam(name);
            if (form != null) {
                return Optional.of(form);
            }
        }
        return Optional.ofNullable(ctx.queryParam(name));
    }

    /** GitLab's booleans: true/false, also 1/0 from forms. */
    Optional<Boolean> flag(String name) {
        return text(name).map(t -> switch (t) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new RunnerApi.Refused(400, "400 Bad Request - " + name + " is invalid (true or false)");
        });
    }

    String required(String name) {
        return text(name).orElseThrow(() -> new RunnerApi.Refused(400, "400 Bad Request - " + name + " is missing"));
    }

    /** The JSON body's field as a tree (pipeline variables are a list), when the body is JSON. */
    Optional<JsonNode> node(String name) {
        return json == null ? Optional.empty() : Optional.ofNullable(json.get(name));
    }

    static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RunnerApi.Refused(404, "404 Not Found");
        }
    }
}
