package dev.sluice.server;

import static dev.sluice.server.Authentication.Access.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitLab's runners API for people: list, show, change and delete runners, and the jobs a runner ran. Every Sluice
 * runner is an instance runner, so any signed-in user sees them all; changing one, and resetting the registration
 * token, is for administrators.
 */
final class RunnerSettingsApi {

    private static final Set<String> ACCESS_LEVELS = Set.of("not_protected", "ref_protected");

    private final Runners runners;
    private final Jobs jobs;
    private final Pipelines pipelines;
    private final RegistrationToken registrationToken;

    RunnerSettingsApi(Runners runners, Jobs jobs, Pipelines pipelines, RegistrationToken registrationToken) {
        this.runners = runners;
        this.jobs = jobs;
        this.pipelines = pipelines;
        this.registrationToken = registrationToken;
    }

    void routes(Javalin app) {
        app.get("/api/v4/runners", this::list);
        app.get("/api/v4/runners/all", this::list, ADMIN);
        app.get("/api/v4/runners/{id}", ctx -> RunnerApi.json(ctx, 200, detail(runner(ctx))));
        app.put("/api/v4/runners/{id}", this::update, ADMIN);
        app.delete("/api/v4/runners/{id}", ctx -> {
            runners.delete(runner(ctx).id());
            ctx.status(204);
        }, ADMIN);
        app.get("/api/v4/runners/{id}/jobs", this::jobs);
        app.post("/api/v4/runners/reset_registration_token", this::resetRegistrationToken, ADMIN);
    }

    /** GitLab: 201 with the new token; runners registered already keep their own tokens. */
    private void resetRegistrationToken(Context ctx) {
        RunnerApi.json(ctx, 201, Map.of("token", registrationToken.reset()));
    }

    private void list(Context ctx) {
        var page = Page.of(ctx);
        page.respond(ctx, runners.count(), runners.list(page.offset(), page.perPage()).stream().map(RunnerSettingsApi::view).toList());
    }

    private void update(Context ctx) {
        var r = runner(ctx);
        JsonNode body = RunnerApi.body(ctx, JsonNode.class);
        boolean paused = body.has("active") ? !bool(body, "active", true) : bool(body, "paused", r.paused());
        String accessLevel = body.path("access_level").asText(r.accessLevel());
        if (!ACCESS_LEVELS.contains(accessLevel)) {
            throw new RunnerApi.Refused(400, "400 Bad Request - access_level must be not_protected or ref_protected");
        }
        var changed = new Runners.Runner(r.id(), body.path("description").asText(r.description()), tags(body, r.tags()),
                bool(body, "run_untagged", r.runUntagged()), bool(body, "locked", r.locked()), accessLevel, paused, r.projects());
        runners.update(changed);
        RunnerApi.json(ctx, 200, detail(changed));
    }

    private void jobs(Context ctx) {
        var r = runner(ctx);
        List<String> statuses = ctx.queryParam("status") == null ? List.of() : List.of(ctx.queryParam("status"));
        JobApi.checkStatuses(statuses, "status");
        var page = Page.of(ctx);
        page.respond(ctx, jobs.countOfRunner(r.id(), statuses), jobs.ofRunner(r.id(), statuses, page.offset(), page.perPage())
                .stream().map(j -> JobApi.view(j, pipelines.find(j.pipelineId()).orElseThrow())).toList());
    }

    private Runners.Runner runner(Context ctx) {
        return runners.find(UserApi.id(ctx.pathParam("id"))).orElseThrow(() -> new RunnerApi.Refused(404, "404 Runner Not Found"));
    }

    private static boolean bool(JsonNode body, String field, boolean otherwise) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return otherwise;
        }
        if (n.isBoolean() || n.asText().equals("true") || n.asText().equals("false")) {
            return n.asBoolean();
        }
        throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " must be true or false");
    }

    /** GitLab takes tag_list as an array or as one comma-separated string. */
    private static List<String> tags(JsonNode body, List<String> otherwise) {
        JsonNode n = body.get("tag_list");
        if (n == null || n.isNull()) {
            return otherwise;
        }
        var tags = new ArrayList<String>();
        if (n.isArray()) {
            n.forEach(t -> tags.add(t.asText().trim()));
        } else {
            tags.addAll(Arrays.asList(n.asText().split(",")));
        }
        return tags.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** GitLab's runner entity. */
    static Map<String, Object> view(Runners.Runner r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", r.id());
        m.put("description", r.description());
        m.put("active", !r.paused());
        m.put("paused", r.paused());
        m.put("is_shared", r.isInstanceRunner());
        m.put("runner_type", r.isInstanceRunner() ? "instance_type" : "project_type");
        return m;
    }

    /** GitLab's runner details entity: the runner entity and its settings. */
    static Map<String, Object> detail(Runners.Runner r) {
        var m = view(r);
        m.put("tag_list", r.tags());
        m.put("run_untagged", r.runUntagged());
        m.put("locked", r.locked());
        m.put("access_level", r.accessLevel());
        return m;
    }
}
