package dev.sluice.server;

/**
 * What a user may do in a project, by GitLab's roles: the one place the REST API, git over HTTP and the web UI
 * ask. Administrators may do everything. On a protected branch (or tag), pushing, merging, and running or playing
 * jobs of its pipelines need a maintainer, as GitLab's default protection ("Maintainers" allowed to push and
 * merge); force-pushing to it and deleting it are refused to everyone.
 */
final class Permissions {

    private final ProjectMembers members;
    private final ProtectedRefs protectedRefs;

    Permissions(ProjectMembers members, ProtectedRefs protectedRefs) {
        this.members = members;
        this.protectedRefs = protectedRefs;
    }

    /** The user's GitLab access level in the project (0 when not a member; an administrator counts as owner). */
    int level(Users.User user, long projectId) {
        return user.admin() ? ProjectMembers.OWNER : members.accessLevel(projectId, user.id()).orElse(0);
    }

    /** See the project, its pipelines, jobs and logs. */
    boolean canView(Users.User user, long projectId) {
        return level(user, projectId) >= ProjectMembers.GUEST;
    }

    /** Clone and fetch, download artifacts. */
    boolean canReadCode(Users.User user, long projectId) {
        return level(user, projectId) >= ProjectMembers.REPORTER;
    }

    /** Push to {@code branch} (a fast-forward or a new branch). */
    boolean canPush(Users.User user, long projectId, String branch) {
        return level(user, projectId) >= requiredFor(projectId, ProtectedRefs.Kind.BRANCH, branch);
    }

    /** Force-push or delete: never on a protected branch, else as for pushing. */
    boolean canRewrite(Users.User user, long projectId, String branch) {
        return !protectedRefs.isProtected(projectId, ProtectedRefs.Kind.BRANCH, branch) && canPush(user, projectId, branch);
    }

    /** Create a tag by pushing it: a developer, a maintainer for a protected tag. */
    boolean canCreateTag(Users.User user, long projectId, String tag) {
        return level(user, projectId) >= requiredFor(projectId, ProtectedRefs.Kind.TAG, tag);
    }

    /** Move or delete a tag by pushing: a maintainer, and never a protected tag. */
    boolean canRewriteTag(Users.User user, long projectId, String tag) {
        return !protectedRefs.isProtected(projectId, ProtectedRefs.Kind.TAG, tag) && level(user, projectId) >= ProjectMembers.MAINTAINER;
    }

    /** Merge a merge request into {@code targetBranch}. */
    boolean canMerge(Users.User user, long projectId, String targetBranch) {
        return canPush(user, projectId, targetBranch);
    }

    /** Create a pipeline for a ref, or play, retry and cancel its jobs. */
    boolean canRun(Users.User user, long projectId, boolean tag, String ref) {
        var kind = tag ? ProtectedRefs.Kind.TAG : ProtectedRefs.Kind.BRANCH;
        return level(user, projectId) >= requiredFor(projectId, kind, ref);
    }

    /** Approve merge requests (the project's approval rules may ask for more). */
    boolean canApprove(Users.User user, long projectId) {
        return canApprove(user, projectId, ProjectMembers.DEVELOPER);
    }

    /** Approve merge requests where the project's approval rules ask for at least {@code approverLevel}. */
    boolean canApprove(Users.User user, long projectId, int approverLevel) {
        return level(user, projectId) >= Math.max(ProjectMembers.DEVELOPER, approverLevel);
    }

    /** Open, edit, close and reopen merge requests (pushing their branches is {@link #canPush}). */
    boolean canWriteMergeRequests(Users.User user, long projectId) {
        return level(user, projectId) >= ProjectMembers.DEVELOPER;
    }

    /** Change settings: variables, protected branches, runners, members, approval rules. */
    boolean canManage(Users.User user, long projectId) {
        return level(user, projectId) >= ProjectMembers.MAINTAINER;
    }

    private int requiredFor(long projectId, ProtectedRefs.Kind kind, String ref) {
        return protectedRefs.isProtected(projectId, kind, ref) ? ProjectMembers.MAINTAINER : ProjectMembers.DEVELOPER;
    }
}
