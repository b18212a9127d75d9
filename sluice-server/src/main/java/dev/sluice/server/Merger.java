package dev.sluice.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Carries out a merge the {@link MergeGate} allowed: a merge commit of the checked merge tree with the target and
 * the source as parents, or a fast-forward; the target branch moves only if nobody moved it since the check, and
 * the move is then a push to it (its pipeline starts).
 */
final class Merger {

    private final MergeRequests mergeRequests;
    private final MergeSettings settings;
    private final PushPipelines pushes;
    private final Clock clock;

    Merger(MergeRequests mergeRequests, MergeSettings settings, PushPipelines pushes, Clock clock) {
        this.mergeRequests = mergeRequests;
        this.settings = settings;
        this.pushes = pushes;
        this.clock = clock;
    }

    /** @param check a check of {@code mr} without problems */
    void merge(Projects.Project project, MergeRequests.MergeRequest mr, MergeGate.Check check, Users.User user)
            throws GitRepos.GitException {
        Path repo = Path.of(project.repoDir());
        String target = check.target().orElseThrow();
        boolean fastForward = settings.of(project.id()).mergeMethod().equals("ff");
        String merged = fastForward ? check.head() : GitRepos.commitTree(repo, check.mergeTree().orElseThrow(),
                List.of(target, check.head()), message(project, mr), user.name(), email(user));
        String ref = RefUpdate.BRANCHES + mr.targetBranch();
        try {
            GitRepos.updateRef(repo, ref, merged, target);
        } catch (GitRepos.GitException e) {
            throw new RunnerApi.Refused(409, "409 Conflict - " + mr.targetBranch() + " moved while merging; try again");
        }
        mergeRequests.merged(mr.id(), fastForward ? null : merged, check.head(), user.id(), clock.instant());
        pushes.pushed(project, List.of(new RefUpdate(ref, target, merged)), PushPipelines.PushOptions.NONE);
    }

    private static String message(Projects.Project project, MergeRequests.MergeRequest mr) {
        return "Merge branch '" + mr.sourceBranch() + "' into '" + mr.targetBranch() + "'\n\n" + mr.title()
                + "\n\nSee merge request " + project.path() + "!" + mr.iid();
    }

    /** git needs an address; a user without one gets a placeholder that cannot receive mail. */
    private static String email(Users.User user) {
        return user.email() == null || user.email().isBlank() ? user.username() + "@users.noreply.sluice.invalid" : user.email();
    }
}
