package dev.sluice.server;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** GitLab's offset pagination: {@code page} and {@code per_page} in; X-Total, X-Page, ... and Link headers out. */
record Page(int page, int perPage) {

    /** GitLab's default and largest page sizes. */
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static Page of(Context ctx) {
        int page = positive(ctx, "page", 1);
        return new Page(page, Math.min(positive(ctx, "per_page", DEFAULT_SIZE), MAX_SIZE));
    }

    long offset() {
        return (long) (page - 1) * perPage;
    }

    /** Sends {@code items} (this page of {@code total}) as JSON with the pagination headers. */
    void respond(Context ctx, long total, List<?> items) {
        long pages = Math.max(1, (total + perPage - 1) / perPage);
        ctx.header("X-Total", Long.toString(total));
        ctx.header("X-Total-Pages", Long.toString(pages));
        ctx.header("X-Page", Integer.toString(page));
        ctx.header("X-Per-Page", Integer.toString(perPage));
        ctx.header("X-Next-Page", page < pages ? Integer.toString(page + 1) : "");
        ctx.header("X-Prev-Page", page > 1 ? Integer.toString(page - 1) : "");
        var links = new ArrayList<String>();
        if (page > 1) {
            links.add(link(ctx, page - 1, "prev"));
        }
        if (page < pages) {
            links.add(link(ctx, page + 1, "next"));
        }
        links.add(link(ctx, 1, "first"));
        links.add(link(ctx, pages, "last"));
        ctx.header("Link", String.join(", ", links));
        RunnerApi.json(ctx, 200, items);
    }

    private String link(Context ctx, long target, String rel) {
        String others = ctx.queryParamMap().entrySet().stream()
                .filter(e -> !e.getKey().equals("page") && !e.getKey().equals("per_page"))
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return "<" + ctx.url() + "?" + (others.isEmpty() ? "" : others + "&") + "page=" + target + "&per_page=" + perPage
                + ">; rel=\"" + rel + "\"";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int positive(Context ctx, String name, int otherwise) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new RunnerApi.Refused(400, "400 Bad Request - " + name + " must be a whole number from 1");
    }
}
