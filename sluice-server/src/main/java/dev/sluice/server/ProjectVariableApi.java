package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitLab's project-level CI/CD variables API ({@code /projects/:id/variables}). A masked value is still
 * returned to API callers, as GitLab does for maintainers (there is no "masked and hidden" here); it is
 * never written to a log.
 */
final class ProjectVariableApi {

    private static final String SCOPE_FILTER = "filter[environment_scope]";
    private final ProjectAccess access;
    private final ProjectVariables variables;

    ProjectVariableApi(ProjectAccess access, ProjectVariables variables) {
        this.access = access;
        this.variables = variables;
    }

    void routes(Javalin app) {
        app.get("/api/v4/projects/{id}/variables", this::list);
        app.post("/api/v4/projects/{id}/variables", this::create);
        app.get("/api/v4/projects/{id}/variables/{key}", this::get);
        app.put("/api/v4/projects/{id}/variables/{key}", this::update);
        app.delete("/api/v4/projects/{id}/variables/{key}", this::delete);
    }

    private void list(Context ctx) {
        RunnerApi.json(ctx, 200, variables.of(project(ctx)).stream().map(ProjectVariableApi::view).toList());
    }

    private void create(Context ctx) {
        long project = project(ctx);
        var p = RequestParams.of(ctx);
        var v = new ProjectVariables.Variable(p.text("key").orElse(""), p.text("value").orElse(""),
                p.text("variable_type").orElse("env_var"), p.flag("protected").orElse(false), p.flag("masked").orElse(false),
                p.flag("raw").orElse(false), p.text("environment_scope").orElse("*"), p.text("description").orElse(null));
        validate(v);
        if (!variables.create(project, v)) {
            invalid(Map.of("key", List.of("(" + v.key() + ") has already been taken")));
        }
        RunnerApi.json(ctx, 201, view(v));
    }

    private void get(Context ctx) {
        RunnerApi.json(ctx, 200, view(one(ctx, project(ctx))));
    }

    /** Changes the fields given; {@code filter[environment_scope]} picks the variable when its key has several scopes. */
    private void update(Context ctx) {
        long project = project(ctx);
        var old = one(ctx, project);
        var p = RequestParams.of(ctx);
        var v = new ProjectVariables.Variable(old.key(), p.text("value").orElse(old.value()),
                p.text("variable_type").orElse(old.variableType()), p.flag("protected").orElse(old.isProtected()),
                p.flag("masked").orElse(old.masked()), p.flag("raw").orElse(old.raw()),
                p.text("environment_scope").orElse(old.environmentScope()), p.text("description").orElse(old.description()));
        validate(v);
        if (!variables.update(project, old.key(), old.environmentScope(), v)) {
            invalid(Map.of("key", List.of("(" + v.key() + ") has already been taken")));
        }
        RunnerApi.json(ctx, 200, view(v));
    }

    private void delete(Context ctx) {
        long project = project(ctx);
        var v = one(ctx, project);
        variables.delete(project, v.key(), v.environmentScope());
        ctx.status(204);
    }

    private ProjectVariables.Variable one(Context ctx, long project) {
        String key = ctx.pathParam("key");
        String scope = ctx.queryParam(SCOPE_FILTER);
        var found = variables.of(project).stream()
                .filter(v -> v.key().equals(key) && (scope == null || v.environmentScope().equals(scope))).toList();
        if (found.isEmpty()) {
            throw new RunnerApi.Refused(404, "404 Variable Not Found");
        }
        if (found.size() > 1) {
            throw new RunnerApi.Refused(409, "There are multiple variables with provided parameters. Please use '"
                    + SCOPE_FILTER + "'");
        }
        return found.getFirst();
    }

    /** Every route here changes the project's settings. */
    private long project(Context ctx) {
        return access.project(ctx, ProjectAccess.Need.MANAGE).id();
    }

    private static void validate(ProjectVariables.Variable v) {
        var problems = VariableRules.problems(v);
        if (!problems.isEmpty()) {
            invalid(problems);
        }
    }

    private static void invalid(Map<String, List<String>> problems) {
        throw new Invalid(problems);
    }

    /** A 400 with GitLab's validation shape: {@code {"message": {field: [problems]}}}. */
    static final class Invalid extends RuntimeException {
        final Map<String, List<String>> problems;

        Invalid(Map<String, List<String>> problems) {
            super("invalid: " + problems.keySet()); // never the value: it may be a secret
            this.problems = problems;
        }
    }

    private static Map<String, Object> view(ProjectVariables.Variable v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("variable_type", v.variableType());
        m.put("key", v.key());
        m.put("value", v.value());
        m.put("hidden", false);
        m.put("protected", v.isProtected());
        m.put("masked", v.masked());
        m.put("raw", v.raw());
        m.put("environment_scope", v.environmentScope());
        m.put("description", v.description());
        return m;
    }
}
