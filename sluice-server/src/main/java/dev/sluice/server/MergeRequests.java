package dev.sluice.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Merge requests, their approvals and notes. */
interface MergeRequests {

    /**
     * @param state    {@code opened}, {@code closed} or {@code merged}
     * @param headSha  the source branch's head when last seen
     * @param mergedBy null until merged, as {@code mergeCommitSha} and {@code mergedAt}
     */
    record MergeRequest(long id, long projectId, long iid, String title, String description, String sourceBranch,
                        String targetBranch, String state, long authorId, String headSha, String mergeCommitSha,
                        Long mergedBy, Instant mergedAt, Instant closedAt, Instant createdAt, Instant updatedAt) {

        boolean open() {
            return state.equals("opened");
        }

        /** GitLab's ref for the merge request's head, where its pipelines run. */
        String headRef() {
            return "refs/merge-requests/" + iid + "/head";
        }
    }

    /** @param sha the head commit the user approved */
    record Approval(long userId, String sha, Instant at) {
    }

    record Note(long id, long authorId, String body, Instant createdAt) {
    }

    /** Opens a merge request with the project's next iid. */
    MergeRequest create(long projectId, String title, String description, String sourceBranch, String targetBranch,
                        long authorId, String headSha, Instant at);

    Optional<MergeRequest> find(long projectId, long iid);

    /** @param state null for every state; newest first */
    List<MergeRequest> list(long projectId, String state, long offset, int limit);

    long count(long projectId, String state);

    /** The open merge requests whose source is {@code branch}. */
    List<MergeRequest> openFrom(long projectId, String branch);

    void edit(long id, String title, String description, Instant at);

    /** Opens or closes: closedAt is set when closing, cleared when reopening. */
    void setState(long id, String state, Instant at);

    void seenHead(long id, String sha);

    /** @param mergeCommitSha null for a fast-forward, as on GitLab */
    void merged(long id, String mergeCommitSha, String headSha, long userId, Instant at);

    /** Records the user's approval of {@code sha}, replacing their approval of an older commit. */
    void approve(long id, long userId, String sha, Instant at);

    /** False when the user had not approved. */
    boolean unapprove(long id, long userId);

    /** Oldest first. */
    List<Approval> approvals(long id);

    Note addNote(long id, long authorId, String body, Instant at);

    /** Oldest first. */
    List<Note> notes(long id);
}
