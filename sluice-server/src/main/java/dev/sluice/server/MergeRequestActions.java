package dev.sluice.server;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Approving, unapproving and merging a merge request, with every rule about who may and when: the one place both the
 * REST API and the web UI act through, so they cannot disagree. A refusal is a {@link RunnerApi.Refused} in the
 * REST API's words.
 */
final class MergeRequestActions {

    private final Permissions permissions;
    private final MergeRequests mergeRequests;
    private final MergeSettings settings;
    private final MergeGate gate;
    private final Merger merger;
    private final Clock clock;

    MergeRequestActions(Permissions permissions, MergeRequests mergeRequests, MergeSettings settings, MergeGate gate, Merger merger,
                        Clock clock) {
        this.permissions = permissions;
        this.mergeRequests = mergeRequests;
        this.settings = settings;
        this.gate = gate;
        this.merger = merger;
        this.clock = clock;
    }

    /** Whether {@link #approve} would let the user approve (leaving aside an approval they already gave). */
    boolean mayApprove(Projects.Project project, MergeRequests.MergeRequest mr, Users.User user) {
        return mr.open() && mr.authorId() != user.id() && permissions.canApprove(user, project.id(), settings.of(project.id()).approverLevel());
    }

    boolean mayMerge(Projects.Project project, MergeRequests.MergeRequest mr, Users.User user) {
        return permissions.canMerge(user, project.id(), mr.targetBranch());
    }

    /** @param sha GitLab's {@code sha}: approve only if the source's head is still this commit */
    void approve(Projects.Project project, MergeRequests.MergeRequest mr, Users.User user, Optional<String> sha) {
        if (!mr.open()) {
            throw new RunnerApi.Refused(405, "405 Method Not Allowed - the merge request is " + mr.state());
        }
        if (mr.authorId() == user.id()) {
            throw new RunnerApi.Refused(401, "401 Unauthorized - authors cannot approve their own merge request");
        }
        int level = settings.of(project.id()).approverLevel();
        if (!permissions.canApprove(user, project.id(), level)) {
            throw new RunnerApi.Refused(401, "401 Unauthorized - approving needs the " + ProjectMemberApi.roleName(level) + " role");
        }
        var check = gate.check(project, mr);
        requireHead(sha, check);
        if (check.approvals().given().stream().anyMatch(a -> a.userId() == user.id())) {
            throw new RunnerApi.Refused(401, "401 Unauthorized - you have already approved this merge request");
        }
        mergeRequests.approve(mr.id(), user.id(), check.head(), clock.instant());
    }

    void unapprove(MergeRequests.MergeRequest mr, Users.User user) {
        if (!mergeRequests.unapprove(mr.id(), user.id())) {
            throw new RunnerApi.Refused(404, "404 Not Found - you have not approved this merge request");
        }
    }

    /** Merges when the user may merge into the target and the {@link MergeGate} finds no problem. */
    void merge(Projects.Project project, MergeRequests.MergeRequest mr, Users.User user, Optional<String> sha)
            throws GitRepos.GitException {
        if (!mayMerge(project, mr, user)) {
            throw new RunnerApi.Refused(401, "401 Unauthorized - you may not merge into " + mr.targetBranch());
        }
        var check = gate.check(project, mr);
        requireHead(sha, check);
        if (!check.problems().isEmpty()) {
            int status = check.problems().stream().mapToInt(p -> p.blocker().httpStatus).max().orElseThrow();
            throw new RunnerApi.Refused(status, status + (status == 406 ? " Not Acceptable" : " Method Not Allowed")
                    + " - the merge request cannot be merged: "
                    + check.problems().stream().map(MergeGate.Problem::reason).collect(Collectors.joining("; ")));
        }
        merger.merge(project, mr, check, user);
    }

    /** GitLab's {@code sha} parameter: act only if the source's head is still the commit the caller saw. */
    private static void requireHead(Optional<String> sha, MergeGate.Check check) {
        if (sha.isPresent() && !sha.get().equals(check.head())) {
            throw new RunnerApi.Refused(409, "409 Conflict - SHA does not match HEAD of source branch: " + check.head());
        }
    }
}
