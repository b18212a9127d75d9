package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A project's merge-request rules: GitLab's {@code GET/POST /projects/:id/approvals} (with Sluice's
 * {@code approver_access_level}), and {@code merge_method} plus Sluice's {@code avoid_duplicate_pipelines} through
 * {@code PUT /projects/:id}. Changing them needs a maintainer.
 */
final class MergeSettingsApi {

    private final Projects projects;
    private final MergeSettings settings;
    private final Permissions permissions;

    MergeSettingsApi(Projects projects, MergeSettings settings, Permissions permissions) {
        this.projects = projects;
        this.settings = settings;
        this.permissions = permissions;
    }

    void routes(Javalin app) {
        app.get("/api/v4/projects/{id}/approvals", ctx -> {
            var project = ProjectApi.project(projects, ctx);
            if (!permissions.canView(Authentication.user(ctx), project.id())) {
                throw new RunnerApi.Refused(404, "404 Project Not Found");
            }
            RunnerApi.json(ctx, 200, approvals(settings.of(project.id())));
        });
        app.post("/api/v4/projects/{id}/approvals", this::changeApprovals);
        app.put("/api/v4/projects/{id}", this::changeProject);
    }

    private void changeApprovals(Context ctx) {
        var project = managed(ctx);
        var params = RequestParams.of(ctx);
        var s = settings.of(project.id());
        int required = params.text("approvals_before_merge").map(MergeSettings.Settings::count).orElse(s.approvalsRequired());
        int level = params.text("approver_access_level").isPresent()
                ? ProjectMemberApi.accessLevel(params, "approver_access_level") : s.approverLevel();
        if (params.flag("merge_requests_author_approval").orElse(false)) {
            throw new RunnerApi.Refused(400, "400 Bad Request - Sluice never lets authors approve their own merge requests");
        }
        var changed = new MergeSettings.Settings(required, level, params.flag("reset_approvals_on_push").orElse(s.resetApprovalsOnPush()),
                s.mergeMethod(), s.avoidDuplicatePipelines());
        save(project, changed);
        RunnerApi.json(ctx, 201, approvals(changed));
    }

    private void changeProject(Context ctx) {
        var project = managed(ctx);
        var params = RequestParams.of(ctx);
        var s = settings.of(project.id());
        var changed = new MergeSettings.Settings(s.approvalsRequired(), s.approverLevel(), s.resetApprovalsOnPush(),
                params.text("merge_method").orElse(s.mergeMethod()),
                params.flag("avoid_duplicate_pipelines").orElse(s.avoidDuplicatePipelines()));
        save(project, changed);
        var view = ProjectApi.view(project);
        view.put("merge_method", changed.mergeMethod());
        view.put("avoid_duplicate_pipelines", changed.avoidDuplicatePipelines());
        RunnerApi.json(ctx, 200, view);
    }

    private Projects.Project managed(Context ctx) {
        var project = ProjectApi.project(projects, ctx);
        if (!permissions.canManage(Authentication.user(ctx), project.id())) {
            throw new RunnerApi.Refused(403, "403 Forbidden - changing merge settings needs the maintainer role");
        }
        return project;
    }

    private void save(Projects.Project project, MergeSettings.Settings changed) {
        var problems = changed.problems();
        if (!problems.isEmpty()) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + String.join("; ", problems));
        }
        settings.save(project.id(), changed);
    }

    private static Map<String, Object> approvals(MergeSettings.Settings s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("approvals_before_merge", s.approvalsRequired());
        m.put("reset_approvals_on_push", s.resetApprovalsOnPush());
        m.put("merge_requests_author_approval", false);
        m.put("disable_overriding_approvers_per_merge_request", true);
        m.put("approver_access_level", s.approverLevel());
        return m;
    }
}
