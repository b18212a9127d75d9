package dev.sluice.server;

import io.javalin.http.Context;
import java.nio.file.Path;

/**
 * The one role check of the project routes: each handler names its project with {@link #project} and what the
 * route needs, and gets the project only when the signed-in user may do that ({@link Permissions} decides).
 * A project the user may not even see answers 404, as GitLab hides private projects; a visible one 403.
 */
final class ProjectAccess {

    /** What a route does to its project. */
    enum Need {
        /** See the project, its pipelines, jobs and logs. */
        VIEW,
        /** Read its code and job artifacts. */
        READ_CODE,
        /** Change its settings: variables, protected refs, runners, members. */
        MANAGE
    }

    private final Projects projects;
    private final Permissions permissions;

    ProjectAccess(Projects projects, Permissions permissions) {
        this.projects = projects;
        this.permissions = permissions;
    }

    /** The project named by the {@code id} path parameter, when the signed-in user may do what the route needs. */
    Projects.Project project(Context ctx, Need need) {
        var user = Authentication.user(ctx);
        var project = ProjectApi.project(projects, ctx);
        if (!permissions.canView(user, project.id())) {
            throw new RunnerApi.Refused(404, "404 Project Not Found");
        }
        boolean allowed = switch (need) {
            case VIEW -> true;
            case READ_CODE -> permissions.canReadCode(user, project.id());
            case MANAGE -> permissions.canManage(user, project.id());
        };
        if (!allowed) {
            throw new RunnerApi.Refused(403, "403 Forbidden");
        }
        return project;
    }

    /** Refuses (403) unless the signed-in user may run pipelines of {@code ref}: create them, play, retry, cancel jobs. */
    void mayRun(Context ctx, Projects.Project project, String ref) {
        if (!permissions.canRun(Authentication.user(ctx), project.id(), isTag(project, ref), ref)) {
            throw new RunnerApi.Refused(403, "403 Forbidden - you may not run pipelines for " + ref);
        }
    }

    /** A ref names a tag when no branch has its name (git and GitLab prefer the branch). */
    private static boolean isTag(Projects.Project project, String ref) {
        Path repo = Path.of(project.repoDir());
        try {
            GitRepos.resolve(repo, RefUpdate.BRANCHES + ref);
            return false;
        } catch (GitRepos.GitException noBranch) {
            try {
                GitRepos.resolve(repo, RefUpdate.TAGS + ref);
                return true;
            } catch (GitRepos.GitException noTag) {
                return false;
            }
        }
    }
}
