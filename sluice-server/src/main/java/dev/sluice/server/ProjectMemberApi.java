package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/**
 * GitLab's {@code /projects/:id/members}: members see who else is; maintainers add members, change their access
 * level and remove them. Only an owner may make someone an owner or change or remove an owner, as on GitLab.
 */
final class ProjectMemberApi {

    private final ProjectAccess access;
    private final ProjectMembers members;
    private final Users users;
    private final Permissions permissions;

    ProjectMemberApi(ProjectAccess access, ProjectMembers members, Users users, Permissions permissions) {
        this.access = access;
        this.members = members;
        this.users = users;
        this.permissions = permissions;
    }

    void routes(Javalin app) {
        String base = "/api/v4/projects/{id}/members";
        app.get(base, ctx -> {
            var project = access.project(ctx, ProjectAccess.Need.VIEW);
            RunnerApi.json(ctx, 200, members.of(project.id()).stream().map(this::view).toList());
        });
        app.get(base + "/{user_id}", ctx -> {
            var project = access.project(ctx, ProjectAccess.Need.VIEW);
            RunnerApi.json(ctx, 200, view(member(project, userId(ctx.pathParam("user_id")))));
        });
        app.post(base, this::add);
        app.put(base + "/{user_id}", this::update);
        app.delete(base + "/{user_id}", this::remove);
    }

    private void add(Context ctx) {
        var project = access.project(ctx, ProjectAccess.Need.MANAGE);
        var params = RequestParams.of(ctx);
        long userId = userId(params.required("user_id"));
        users.find(userId).orElseThrow(() -> new RunnerApi.Refused(404, "404 User Not Found"));
        int level = level(ctx, project, params.required("access_level"));
        if (members.accessLevel(project.id(), userId).isPresent()) {
            throw new RunnerApi.Refused(409, "Member already exists");
        }
        members.add(project.id(), userId, level);
        RunnerApi.json(ctx, 201, view(new ProjectMembers.Member(userId, level)));
    }

    private void update(Context ctx) {
        var project = access.project(ctx, ProjectAccess.Need.MANAGE);
        var member = changeable(ctx, project);
        int level = level(ctx, project, RequestParams.of(ctx).required("access_level"));
        members.update(project.id(), member.userId(), level);
        RunnerApi.json(ctx, 200, view(new ProjectMembers.Member(member.userId(), level)));
    }

    private void remove(Context ctx) {
        var project = access.project(ctx, ProjectAccess.Need.MANAGE);
        members.remove(project.id(), changeable(ctx, project).userId());
        ctx.status(204);
    }

    /** The member named in the path, when the caller may change them (an owner only by an owner). */
    private ProjectMembers.Member changeable(Context ctx, Projects.Project project) {
        var member = member(project, userId(ctx.pathParam("user_id")));
        if (member.accessLevel() >= ProjectMembers.OWNER && !isOwner(ctx, project)) {
            throw new RunnerApi.Refused(403, "403 Forbidden - only an owner may change or remove an owner");
        }
        return member;
    }

    private int level(Context ctx, Projects.Project project, String text) {
        int level = parseLevel(text, "access_level");
        if (level >= ProjectMembers.OWNER && !isOwner(ctx, project)) {
            throw new RunnerApi.Refused(403, "403 Forbidden - only an owner may make someone an owner");
        }
        return level;
    }

    /** The role of a GitLab access level, as people say it. */
    static String roleName(int level) {
        return switch (level) {
            case ProjectMembers.GUEST -> "guest";
            case ProjectMembers.REPORTER -> "reporter";
            case ProjectMembers.DEVELOPER -> "developer";
            case ProjectMembers.MAINTAINER -> "maintainer";
            case ProjectMembers.OWNER -> "owner";
            default -> "access level " + level;
        };
    }

    /** A required access level parameter: one of GitLab's levels, else the caller's mistake (400). */
    static int accessLevel(RequestParams params, String field) {
        return parseLevel(params.required(field), field);
    }

    private static int parseLevel(String text, String field) {
        int level;
        try {
            level = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            level = -1;
        }
        if (!ProjectMembers.LEVELS.contains(level)) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " does not have a valid value (one of "
                    + ProjectMembers.LEVELS + ")");
        }
        return level;
    }

    private boolean isOwner(Context ctx, Projects.Project project) {
        return permissions.level(Authentication.user(ctx), project.id()) >= ProjectMembers.OWNER;
    }

    private ProjectMembers.Member member(Projects.Project project, long userId) {
        return members.accessLevel(project.id(), userId).map(level -> new ProjectMembers.Member(userId, level))
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Member Not Found"));
    }

    private static long userId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new RunnerApi.Refused(400, "400 Bad Request - user_id is invalid");
        }
    }

    /** GitLab's member entity: the user's public fields and the access level. */
    private Map<String, Object> view(ProjectMembers.Member member) {
        var user = users.find(member.userId()).orElseThrow();
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("id", user.id());
        m.put("username", user.username());
        m.put("name", user.name());
        m.put("state", "active");
        m.put("access_level", member.accessLevel());
        return m;
    }
}
