package dev.sluice.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a merge request may be merged, and if not, every reason why: it is open, its target and source can be
 * merged (without conflict; fast-forward when the project merges so), the latest pipeline for the source's head
 * succeeded (with warnings counts: allowed failures leave it {@code success}) and the required approvals are in.
 * Who may merge is the caller's question ({@link Permissions#canMerge}).
 */
final class MergeGate {

    /** GitLab's {@code detailed_merge_status} values Sluice gives, with the status the merge endpoint answers. */
    enum Blocker {
        NOT_OPEN("not_open", 405), CONFLICT("conflict", 406), NEED_REBASE("need_rebase", 406),
        CI_STILL_RUNNING("ci_still_running", 405), CI_MUST_PASS("ci_must_pass", 405), NOT_APPROVED("not_approved", 405);

        final String status;
        final int httpStatus;

        Blocker(String status, int httpStatus) {
            this.status = status;
            this.httpStatus = httpStatus;
        }
    }

    record Problem(Blocker blocker, String reason) {
    }

    /** The approvals that count now, against the number required. */
    record Approvals(int required, List<MergeRequests.Approval> given) {
        int left() {
            return Math.max(0, required - given.size());
        }
    }

    /**
     * @param head      the source branch's head (the last one seen when the branch is gone)
     * @param target    the target branch's head; empty when it is gone
     * @param mergeTree the tree a merge commit would have; empty on conflict
     */
    record Check(String head, Optional<String> target, Optional<Pipelines.PipelineRow> pipeline, Approvals approvals,
                 Optional<String> mergeTree, List<Problem> problems) {

        String detailedStatus() {
            return problems.isEmpty() ? "mergeable" : problems.get(0).blocker().status;
        }

        /** GitLab's older {@code merge_status}: only whether git could merge. */
        String mergeStatus() {
            return problems.stream().anyMatch(p -> p.blocker() == Blocker.CONFLICT || p.blocker() == Blocker.NEED_REBASE)
                    ? "cannot_be_merged" : "can_be_merged";
        }
    }

    private static final Set<String> RUNNING = Set.of("created", "waiting_for_resource", "preparing", "pending", "running");

    private final Pipelines pipelines;
    private final MergeRequests mergeRequests;
    private final MergeSettings settings;

    MergeGate(Pipelines pipelines, MergeRequests mergeRequests, MergeSettings settings) {
        this.pipelines = pipelines;
        this.mergeRequests = mergeRequests;
        this.settings = settings;
    }

    Check check(Projects.Project project, MergeRequests.MergeRequest mr) {
        Path repo = Path.of(project.repoDir());
        var rules = settings.of(project.id());
        Optional<String> source = resolve(repo, mr.sourceBranch());
        String head = source.filter(h -> mr.open()).orElse(mr.headSha());
        Optional<String> target = resolve(repo, mr.targetBranch());
        var pipeline = headPipeline(mr, head);
        var approvals = approvals(mr, head);
        var problems = new ArrayList<Problem>();
        Optional<String> tree = Optional.empty();
        if (!mr.open()) {
            problems.add(new Problem(Blocker.NOT_OPEN, "the merge request is " + mr.state()));
            return new Check(head, target, pipeline, approvals, tree, problems);
        }
        if (source.isEmpty()) {
            problems.add(new Problem(Blocker.CONFLICT, "the source branch " + mr.sourceBranch() + " does not exist"));
        } else if (target.isEmpty()) {
            problems.add(new Problem(Blocker.CONFLICT, "the target branch " + mr.targetBranch() + " does not exist"));
        } else {
            tree = mergeTree(repo, target.get(), head);
            if (tree.isEmpty()) {
                problems.add(new Problem(Blocker.CONFLICT, "the source branch conflicts with " + mr.targetBranch()));
            } else if (rules.mergeMethod().equals("ff") && !isAncestor(repo, target.get(), head)) {
                problems.add(new Problem(Blocker.NEED_REBASE, "the project merges by fast-forward only and the source branch must be"
                        + " rebased onto " + mr.targetBranch()));
            }
        }
        String shortSha = head.substring(0, Math.min(8, head.length()));
        if (pipeline.isEmpty()) {
            problems.add(new Problem(Blocker.CI_MUST_PASS, "no pipeline has run for " + shortSha));
        } else if (RUNNING.contains(pipeline.get().status())) {
            problems.add(new Problem(Blocker.CI_STILL_RUNNING, "pipeline " + pipeline.get().id() + " for " + shortSha + " is still "
                    + pipeline.get().status()));
        } else if (!pipeline.get().status().equals("success")) {
            problems.add(new Problem(Blocker.CI_MUST_PASS, "pipeline " + pipeline.get().id() + " for " + shortSha + " is "
                    + pipeline.get().status() + ", it must succeed"));
        }
        if (approvals.left() > 0) {
            problems.add(new Problem(Blocker.NOT_APPROVED, approvals.left() + " more approval" + (approvals.left() == 1 ? "" : "s")
                    + " required (" + approvals.given().size() + " of " + approvals.required() + ")"));
        }
        return new Check(head, target, pipeline, approvals, tree, problems);
    }

    /** With {@code reset_approvals_on_push}, only approvals of the current head count. */
    Approvals approvals(MergeRequests.MergeRequest mr, String head) {
        var rules = settings.of(mr.projectId());
        var given = mergeRequests.approvals(mr.id()).stream()
                .filter(a -> !rules.resetApprovalsOnPush() || a.sha().equals(head)).toList();
        return new Approvals(rules.approvalsRequired(), given);
    }

    /**
     * The latest pipeline for the head commit: the merge-request pipeline when the configuration has
     * merge-request jobs (one ran for the head), else the branch pipeline.
     */
    Optional<Pipelines.PipelineRow> headPipeline(MergeRequests.MergeRequest mr, String head) {
        return Stream.of(mr.headRef(), mr.sourceBranch())
                .flatMap(ref -> pipelines.ofProject(mr.projectId(), new Pipelines.Filter(ref, null, head), 0, 1).stream())
                .findFirst();
    }

    private static Optional<String> resolve(Path repo, String branch) {
        try {
            return Optional.of(GitRepos.resolve(repo, RefUpdate.BRANCHES + branch));
        } catch (GitRepos.GitException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> mergeTree(Path repo, String target, String head) {
        try {
            return GitRepos.mergeTree(repo, target, head);
        } catch (GitRepos.GitException e) {
            return Optional.empty(); // unrelated histories: git cannot merge them either
        }
    }

    private static boolean isAncestor(Path repo, String ancestor, String sha) {
        try {
            return GitRepos.isAncestor(repo, ancestor, sha);
        } catch (GitRepos.GitException e) {
            return false;
        }
    }
}
