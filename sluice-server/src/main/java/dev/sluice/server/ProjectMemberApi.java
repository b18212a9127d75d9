package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** GitLab's {@code POST /projects/:id/members}: adds a user to a project with an access level (maintainers only). */
final class ProjectMemberApi {

    private static final Map<Integer, String> ROLES = Map.of(ProjectMembers.GUEST, "guest", ProjectMembers.REPORTER, "reporter",
            ProjectMembers.DEVELOPER, "developer", ProjectMembers.MAINTAINER, "maintainer", ProjectMembers.OWNER, "owner");

    private final Projects projects;
    private final Users users;
    private final ProjectMembers members;
    private final Permissions permissions;

    ProjectMemberApi(Projects projects, Users users, ProjectMembers members, Permissions permissions) {
        this.projects = projects;
        this.users = users;
        this.members = members;
        this.permissions = permissions;
    }

    void routes(Javalin app) {
        app.post("/api/v4/projects/{id}/members", this::add);
    }

    /** The role of a GitLab access level, as people say it. */
    static String roleName(int level) {
        return ROLES.getOrDefault(level, "access level " + level);
    }

    /** GitLab's access levels: 10, 20, 30, 40, 50; anything else is the caller's mistake. */
    static int accessLevel(RequestParams params, String field) {
        String text = params.required(field);
        try {
            int level = Integer.parseInt(text);
            if (ROLES.containsKey(level)) {
                return level;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " does not have a valid value (10, 20, 30, 40 or 50)");
    }

    private void add(Context ctx) {
        var project = ProjectApi.project(projects, ctx);
        if (!permissions.canManage(Authentication.user(ctx), project.id())) {
            throw new RunnerApi.Refused(403, "403 Forbidden - adding members needs the maintainer role");
        }
        var params = RequestParams.of(ctx);
        var user = users.find(RequestParams.id(params.required("user_id")))
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 User Not Found"));
        int level = accessLevel(params, "access_level");
        if (members.accessLevel(project.id(), user.id()).isPresent()) {
            throw new RunnerApi.Refused(409, "409 Conflict - Member already exists");
        }
        members.add(project.id(), user.id(), level);
        var m = new LinkedHashMap<String, Object>();
        m.put("id", user.id());
        m.put("username", user.username());
        m.put("name", user.name());
        m.put("state", "active");
        m.put("access_level", level);
        RunnerApi.json(ctx, 201, m);
    }
}
