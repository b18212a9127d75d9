package dev.sluice.server;

import dev.sluice.engine.plan.TriggerContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merge-request pipelines (source {@code merge_request_event}, ref {@code refs/merge-requests/<iid>/head}), run when
 * a merge request opens and on every push to its source branch. As on GitLab, a configuration without
 * merge-request jobs gives none: the branch pipeline is then the merge request's pipeline.
 */
final class MergeRequestPipelines implements PushPipelines.MergeRequestHook {

    static final String SOURCE = "merge_request_event";

    private final PipelineRuns runs;
    private final MergeRequests mergeRequests;
    private final MergeSettings settings;

    MergeRequestPipelines(PipelineRuns runs, MergeRequests mergeRequests, MergeSettings settings) {
        this.runs = runs;
        this.mergeRequests = mergeRequests;
        this.settings = settings;
    }

    /**
     * Moves each open merge request of the branch to {@code sha} and runs its pipeline. With the project's
     * {@code avoid_duplicate_pipelines}, the branch pipeline is left out when a merge-request pipeline ran.
     */
    @Override
    public Outcome pushed(Projects.Project project, String branch, String sha) throws GitRepos.GitException {
        var created = new ArrayList<Pipelines.PipelineRow>();
        for (var mr : mergeRequests.openFrom(project.id(), branch)) {
            mergeRequests.seenHead(mr.id(), sha);
            run(project, mr, sha).ifPresent(created::add);
        }
        return new Outcome(created, created.isEmpty() || !settings.of(project.id()).avoidDuplicatePipelines());
    }

    /** The merge request's pipeline at {@code sha}; empty when the configuration has no merge-request job. */
    Optional<Pipelines.PipelineRow> run(Projects.Project project, MergeRequests.MergeRequest mr, String sha)
            throws GitRepos.GitException {
        return run(project, new TriggerContext.MergeRequest(mr.id(), mr.iid(), mr.title(), mr.sourceBranch(), mr.targetBranch(),
                TriggerContext.NO_SHA, List.of()), sha);
    }

    /**
     * The pipeline of a merge (pull) request on the forge a mirror project follows, at its head {@code sha}; the
     * forge's number stands for both id and iid. Empty when the configuration has no merge-request job.
     */
    Optional<Pipelines.PipelineRow> runForForge(Projects.Project project, long number, String title, String sourceBranch,
                                                String targetBranch, String sha) throws GitRepos.GitException {
        return run(project, new TriggerContext.MergeRequest(number, number, title, sourceBranch, targetBranch, TriggerContext.NO_SHA,
                List.of()), sha);
    }

    /** @param mr the merge request, its diff base still to be found */
    private Optional<Pipelines.PipelineRow> run(Projects.Project project, TriggerContext.MergeRequest mr, String sha)
            throws GitRepos.GitException {
        Path repo = Path.of(project.repoDir());
        String headRef = "refs/merge-requests/" + mr.iid() + "/head";
        GitRepos.setRef(repo, headRef, sha); // as GitLab keeps it, so runners and people can fetch it
        Optional<String> base = mergeBase(repo, mr.targetBranch(), sha);
        var trigger = new TriggerContext(headRef, false, sha, TriggerContext.NO_SHA, SOURCE,
                base.isPresent() ? Optional.of(GitRepos.changedPaths(repo, base.get(), sha)) : Optional.empty(), Map.of(), false,
                Optional.of(new TriggerContext.MergeRequest(mr.id(), mr.iid(), mr.title(), mr.sourceBranch(), mr.targetBranch(),
                        base.orElse(TriggerContext.NO_SHA), List.of())));
        if (PushPipelines.asksToSkip(GitRepos.commit(repo, sha).message()) || !runs.selectsJobs(project, trigger)) {
            return Optional.empty();
        }
        return Optional.of(runs.create(project, trigger));
    }

    /** GitLab diffs a merge request from the merge base ({@code rules:changes} too); empty when the histories are unrelated. */
    private static Optional<String> mergeBase(Path repo, String target, String sha) {
        try {
            return Optional.of(GitRepos.mergeBase(repo, RefUpdate.BRANCHES + target, sha));
        } catch (GitRepos.GitException e) {
            return Optional.empty();
        }
    }
}
