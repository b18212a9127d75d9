package dev.sluice.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Opening, editing, closing, reopening and commenting on a merge request, with every rule about who may and what is
 * valid: the one place both the REST API and the web UI's forms go through (as {@link MergeRequestActions} is for
 * approving and merging). A refusal is a {@link RunnerApi.Refused} in the REST API's words.
 */
final class MergeRequestChanges {

    /** The store's column sizes (V9). */
    private static final int TITLE_MAX = 255;
    private static final int TEXT_MAX = 65535;

    private final Permissions permissions;
    private final MergeRequests mergeRequests;
    private final MergeRequestPipelines mrPipelines;
    private final Pipelines pipelines;
    private final Clock clock;

    MergeRequestChanges(Permissions permissions, MergeRequests mergeRequests, MergeRequestPipelines mrPipelines, Pipelines pipelines,
                        Clock clock) {
        this.permissions = permissions;
        this.mergeRequests = mergeRequests;
        this.mrPipelines = mrPipelines;
        this.pipelines = pipelines;
        this.clock = clock;
    }

    /** Developers and above open and edit merge requests (GitLab's {@code create_merge_request_in}). */
    boolean mayWrite(Projects.Project project, Users.User user) {
        return permissions.canWriteMergeRequests(user, project.id());
    }

    /** Opens a merge request from one existing branch into another and runs its first merge-request pipeline. */
    MergeRequests.MergeRequest open(Projects.Project project, Users.User user, String source, String target, String title,
                                    String description) throws GitRepos.GitException {
        if (!mayWrite(project, user)) {
            throw new RunnerApi.Refused(403, "403 Forbidden - opening merge requests needs the developer role");
        }
        nonBlank(source, "source_branch");
        nonBlank(target, "target_branch");
        limited(nonBlank(title, "title"), "title", TITLE_MAX);
        limited(description, "description", TEXT_MAX);
        Path repo = Path.of(project.repoDir());
        String head = branchHead(repo, source, "source_branch");
        branchHead(repo, target, "target_branch");
        if (source.equals(target)) {
            throw new RunnerApi.Refused(422, "422 Unprocessable Entity - source_branch and target_branch must differ");
        }
        var twin = mergeRequests.openFrom(project.id(), source).stream().filter(m -> m.targetBranch().equals(target)).findFirst();
        if (twin.isPresent()) {
            throw new RunnerApi.Refused(409, "409 Conflict - Another open merge request already exists for this source branch: !"
                    + twin.get().iid());
        }
        var mr = mergeRequests.create(project.id(), title, description, source, target, user.id(), head, clock.instant());
        mrPipelines.run(project, mr, head);
        return mr;
    }

    /**
     * GitLab's update: a new title or description (an absent one is kept), then {@code close} or {@code reopen}.
     *
     * @return the merge request as it is now
     */
    MergeRequests.MergeRequest update(Projects.Project project, MergeRequests.MergeRequest mr, Users.User user,
                                      Optional<String> title, Optional<String> description, Optional<String> stateEvent) {
        if (!mayWrite(project, user)) {
            throw new RunnerApi.Refused(403, "403 Forbidden - editing merge requests needs the developer role");
        }
        Instant now = clock.instant();
        if (title.isPresent() || description.isPresent()) {
            String newTitle = title.orElse(mr.title());
            if (newTitle.isBlank()) {
                throw new RunnerApi.Refused(400, "400 Bad Request - title is empty");
            }
            mergeRequests.edit(mr.id(), limited(newTitle, "title", TITLE_MAX),
                    limited(description.orElse(mr.description()), "description", TEXT_MAX), now);
        }
        if (stateEvent.isPresent()) {
            if (mr.state().equals("merged")) {
                throw new RunnerApi.Refused(405, "405 Method Not Allowed - a merged merge request cannot be closed or reopened");
            }
            switch (stateEvent.get()) {
                case "close" -> mergeRequests.setState(mr.id(), "closed", now);
                case "reopen" -> reopen(project, mr, now);
                default -> throw new RunnerApi.Refused(400, "400 Bad Request - state_event does not have a valid value (close, reopen)");
            }
        }
        return mergeRequests.find(project.id(), mr.iid()).orElseThrow();
    }

    /** Anyone who may read the merge request may comment on it (the caller checked that). */
    MergeRequests.Note note(MergeRequests.MergeRequest mr, Users.User user, String body) {
        return mergeRequests.addNote(mr.id(), user.id(), limited(nonBlank(body, "body"), "body", TEXT_MAX), clock.instant());
    }

    /** The source branch may have moved while the merge request was closed: its head gets a merge-request pipeline then. */
    private void reopen(Projects.Project project, MergeRequests.MergeRequest mr, Instant now) {
        String head = branchHead(Path.of(project.repoDir()), mr.sourceBranch(), "source_branch");
        mergeRequests.setState(mr.id(), "opened", now);
        mergeRequests.seenHead(mr.id(), head);
        if (pipelines.count(project.id(), new Pipelines.Filter(mr.headRef(), null, head)) == 0) {
            try {
                mrPipelines.run(project, mr, head);
            } catch (GitRepos.GitException e) {
                throw new RunnerApi.Refused(400, "400 Bad Request - " + e.getMessage());
            }
        }
    }

    private static String branchHead(Path repo, String branch, String field) {
        try {
            return GitRepos.resolve(repo, RefUpdate.BRANCHES + branch);
        } catch (GitRepos.GitException e) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " " + branch + " does not exist");
        }
    }

    private static String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " is empty");
        }
        return value;
    }

    private static String limited(String value, String field, int max) {
        if (value.length() > max) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " is too long (at most " + max + " characters)");
        }
        return value;
    }
}
