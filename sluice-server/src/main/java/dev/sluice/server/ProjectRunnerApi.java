package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * GitLab's {@code /projects/:id/runners}: the runners a project's jobs may use, and assigning a runner to
 * a project. An assigned runner becomes a project runner and takes only its projects' jobs; a locked
 * one cannot be assigned to further projects; the last project of a runner cannot be removed (GitLab
 * says to delete the runner), so a project runner never silently turns back into an instance runner.
 */
final class ProjectRunnerApi {

    private final ProjectAccess access;
    private final Runners runners;

    ProjectRunnerApi(ProjectAccess access, Runners runners) {
        this.access = access;
        this.runners = runners;
    }

    void routes(Javalin app) {
        app.get("/api/v4/projects/{id}/runners", this::list);
        app.post("/api/v4/projects/{id}/runners", this::assign);
        app.delete("/api/v4/projects/{id}/runners/{runner}", this::unassign);
    }

    private void list(Context ctx) {
        RunnerApi.json(ctx, 200, runners.availableTo(project(ctx)).stream().map(RunnerSettingsApi::view).toList());
    }

    private void assign(Context ctx) {
        long project = project(ctx);
        long id = RequestParams.id(RequestParams.of(ctx).required("runner_id"));
        var runner = runners.find(id).orElseThrow(() -> new RunnerApi.Refused(404, "404 Runner Not Found"));
        if (runner.projects().contains(project)) {
            throw new RunnerApi.Refused(409, "Runner was already enabled for this project");
        }
        if (runner.locked() && !runner.isInstanceRunner()) {
            throw new RunnerApi.Refused(403, "403 Forbidden - Runner is locked");
        }
        if (!runners.assign(id, project)) {
            throw new RunnerApi.Refused(409, "Runner was already enabled for this project");
        }
        RunnerApi.json(ctx, 201, RunnerSettingsApi.detail(runners.find(id).orElseThrow()));
    }

    private void unassign(Context ctx) {
        long project = project(ctx);
        long id = RequestParams.id(ctx.pathParam("runner"));
        var runner = runners.find(id).filter(r -> r.projects().contains(project))
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Runner Not Found"));
        if (runner.projects().size() == 1) {
            throw new RunnerApi.Refused(403, "403 Forbidden - Only one project associated with the runner."
                    + " Please remove the runner instead");
        }
        runners.unassign(id, project);
        RunnerApi.json(ctx, 200, RunnerSettingsApi.detail(runners.find(id).orElseThrow()));
    }

    /** Every route here changes the project's settings. */
    private long project(Context ctx) {
        return access.project(ctx, ProjectAccess.Need.MANAGE).id();
    }

}
