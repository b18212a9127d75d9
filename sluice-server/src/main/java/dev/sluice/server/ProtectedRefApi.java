package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitLab's {@code /projects/:id/protected_branches} and {@code /protected_tags}: list, protect, unprotect.
 * Sluice has no per-role push rights, so the access levels shown are GitLab's defaults (maintainers).
 */
final class ProtectedRefApi {

    private static final List<Map<String, Object>> MAINTAINERS =
            List.of(Map.of("access_level", 40, "access_level_description", "Maintainers"));
    private final ProjectAccess access;
    private final ProtectedRefs refs;

    ProtectedRefApi(ProjectAccess access, ProtectedRefs refs) {
        this.access = access;
        this.refs = refs;
    }

    void routes(Javalin app) {
        for (var kind : ProtectedRefs.Kind.values()) {
            String base = "/api/v4/projects/{id}/" + path(kind);
            app.get(base, ctx -> RunnerApi.json(ctx, 200, refs.names(project(ctx), kind).stream().map(n -> view(kind, n)).toList()));
            app.post(base, ctx -> protect(ctx, kind));
            app.get(base + "/<name>", ctx -> RunnerApi.json(ctx, 200, view(kind, existing(ctx, kind))));
            app.delete(base + "/<name>", ctx -> {
                refs.unprotect(project(ctx), kind, existing(ctx, kind));
                ctx.status(204);
            });
        }
    }

    private void protect(Context ctx, ProtectedRefs.Kind kind) {
        long project = project(ctx);
        String name = RequestParams.of(ctx).required("name");
        if (name.isBlank()) {
            throw new RunnerApi.Refused(400, "400 Bad Request - name is empty");
        }
        if (!refs.protect(project, kind, name)) {
            throw new RunnerApi.Refused(409, "Protected " + noun(kind) + " '" + name + "' already exists");
        }
        RunnerApi.json(ctx, 201, view(kind, name));
    }

    private String existing(Context ctx, ProtectedRefs.Kind kind) {
        String name = ctx.pathParam("name");
        if (!refs.names(project(ctx), kind).contains(name)) {
            throw new RunnerApi.Refused(404, "404 Not found");
        }
        return name;
    }

    /** Every route here changes the project's settings. */
    private long project(Context ctx) {
        return access.project(ctx, ProjectAccess.Need.MANAGE).id();
    }

    private static Map<String, Object> view(ProtectedRefs.Kind kind, String name) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", name);
        if (kind == ProtectedRefs.Kind.BRANCH) {
            m.put("push_access_levels", MAINTAINERS);
            m.put("merge_access_levels", MAINTAINERS);
            m.put("allow_force_push", false);
        } else {
            m.put("create_access_levels", MAINTAINERS);
        }
        return m;
    }

    private static String path(ProtectedRefs.Kind kind) {
        return kind == ProtectedRefs.Kind.BRANCH ? "protected_branches" : "protected_tags";
    }

    private static String noun(ProtectedRefs.Kind kind) {
        return kind == ProtectedRefs.Kind.BRANCH ? "branch" : "tag";
    }
}
