package dev.sluice.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** GitLab's JSON shapes of merge requests, their approval state and notes, as {@link MergeRequestApi} answers. */
final class MergeRequestViews {

    private final Users users;
    private final MergeRequestActions actions;
    private final MergeGate gate;

    MergeRequestViews(Users users, MergeRequestActions actions, MergeGate gate) {
        this.users = users;
        this.actions = actions;
        this.gate = gate;
    }

    /** GitLab's merge request entity, the fields Sluice knows. */
    Map<String, Object> mergeRequest(Projects.Project project, MergeRequests.MergeRequest mr) {
        var check = gate.check(project, mr);
        var m = new LinkedHashMap<String, Object>();
        m.put("id", mr.id());
        m.put("iid", mr.iid());
        m.put("project_id", mr.projectId());
        m.put("title", mr.title());
        m.put("description", mr.description());
        m.put("state", mr.state());
        m.put("created_at", mr.createdAt().toString());
        m.put("updated_at", mr.updatedAt().toString());
        m.put("merged_by", mr.mergedBy() == null ? null : user(mr.mergedBy()));
        m.put("merge_user", mr.mergedBy() == null ? null : user(mr.mergedBy()));
        m.put("merged_at", text(mr.mergedAt()));
        m.put("closed_at", text(mr.closedAt()));
        m.put("target_branch", mr.targetBranch());
        m.put("source_branch", mr.sourceBranch());
        m.put("author", user(mr.authorId()));
        m.put("source_project_id", mr.projectId());
        m.put("target_project_id", mr.projectId());
        m.put("draft", false);
        m.put("work_in_progress", false);
        m.put("merge_status", check.mergeStatus());
        m.put("detailed_merge_status", check.detailedStatus());
        m.put("sha", check.head());
        m.put("merge_commit_sha", mr.mergeCommitSha());
        m.put("squash", false);
        m.put("references", Map.of("short", "!" + mr.iid(), "full", project.path() + "!" + mr.iid()));
        m.put("head_pipeline", check.pipeline().map(ProjectApi::view).orElse(null));
        m.put("merge_blockers", check.problems().stream().map(MergeGate.Problem::reason).toList()); // Sluice's: every reason
        return m;
    }

    /** GitLab's approval state of a merge request. */
    Map<String, Object> approvals(Projects.Project project, MergeRequests.MergeRequest mr, Users.User caller) {
        var check = gate.check(project, mr);
        var approvals = check.approvals();
        var m = new LinkedHashMap<String, Object>();
        m.put("id", mr.id());
        m.put("iid", mr.iid());
        m.put("project_id", mr.projectId());
        m.put("title", mr.title());
        m.put("state", mr.state());
        m.put("merge_status", check.mergeStatus());
        m.put("approved", approvals.left() == 0);
        m.put("approvals_required", approvals.required());
        m.put("approvals_left", approvals.left());
        m.put("approved_by", approvals.given().stream().map(a -> Map.of("user", user(a.userId()))).toList());
        m.put("user_has_approved", approvals.given().stream().anyMatch(a -> a.userId() == caller.id()));
        m.put("user_can_approve", actions.mayApprove(project, mr, caller));
        return m;
    }

    Map<String, Object> note(MergeRequests.Note note) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", note.id());
        m.put("type", null);
        m.put("body", note.body());
        m.put("author", user(note.authorId()));
        m.put("created_at", note.createdAt().toString());
        m.put("system", false);
        m.put("noteable_type", "MergeRequest");
        return m;
    }

    /** GitLab's basic user: who someone is, without their e-mail. */
    private Map<String, Object> user(long id) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        users.find(id).ifPresent(u -> {
            m.put("username", u.username());
            m.put("name", u.name());
            m.put("state", "active");
        });
        return m;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
