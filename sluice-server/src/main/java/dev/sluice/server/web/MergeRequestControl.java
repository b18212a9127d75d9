package dev.sluice.server.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the merge request pages ask of the coordinator: the merge requests, their commits and diff, and the actions,
 * which the coordinator carries out with the same gate, approval rules and merger as its REST API.
 */
public interface MergeRequestControl {

    /** A merge request as lists show it. */
    record Summary(long iid, String title, String state, String author, String sourceBranch, String targetBranch, Instant updated) {
    }

    /** One page of a list, and whether more follow. */
    record Listing(List<Summary> items, boolean more) {
    }

    /** @param state {@code opened}, {@code merged}, {@code closed}, or null for all; newest first */
    Listing list(long projectId, String state, int page, int size);

    record Commit(String sha, String subject, String author, Instant at) {
    }

    record Pipeline(long id, String status, String ref, String sha) {
    }

    /** A comment on a merge request. */
    record Note(String author, String body, Instant at) {
    }

    /**
     * Everything the merge request page shows, as {@code viewer} may act on it.
     *
     * @param head          the source's head commit the page's actions apply to
     * @param diff          the unified diff from the merge base to the head; empty when the histories are unrelated
     * @param pipelines     the merge request's pipelines and its source branch's, newest first
     * @param approvedBy    usernames, oldest approval first
     * @param mayApprove    the viewer may approve (not the author, the role the project's approval rules ask for)
     * @param mayMerge      the viewer may merge into the target branch
     * @param notes         its comments, oldest first
     * @param blockers      the merge gate's reasons it cannot be merged now; empty when it can
     * @param mergedBy      null until merged, as {@code mergedAt}; {@code mergeCommit} stays null after a fast-forward
     */
    record Detail(long iid, String title, String description, String author, String sourceBranch, String targetBranch,
                  String state, Instant created, String head, List<Commit> commits, String diff, List<Pipeline> pipelines,
                  List<String> approvedBy, int approvalsRequired, int approvalsLeft, boolean viewerApproved, boolean mayApprove,
                  boolean mayMerge, List<String> blockers, String mergedBy, Instant mergedAt, String mergeCommit, List<Note> notes) {
    }

    Optional<Detail> find(long projectId, long iid, Accounts.Person viewer);

    /**
     * The actions: empty when done, else why not, in the REST API's words.
     *
     * @param sha the head the viewer saw: nothing is done when the source branch has moved since
     */
    Optional<String> approve(long projectId, long iid, Accounts.Person viewer, String sha);

    Optional<String> unapprove(long projectId, long iid, Accounts.Person viewer);

    Optional<String> merge(long projectId, long iid, Accounts.Person viewer, String sha);

    /** Whether the viewer may open, edit, close and reopen merge requests in the project (the REST API's rule). */
    boolean mayWrite(long projectId, Accounts.Person viewer);

    /** A new merge request as the form sends it. */
    record Draft(String sourceBranch, String targetBranch, String title, String description) {
    }

    /**
     * Opens a merge request with the REST API's rules (both branches exist and differ, no open one for the same pair...).
     *
     * @return its iid
     * @throws Refused saying why not, in the REST API's words
     */
    long open(long projectId, Accounts.Person viewer, Draft draft);

    /** Changes the title and description: empty when done, else why not. */
    Optional<String> edit(long projectId, long iid, Accounts.Person viewer, String title, String description);

    /** @param event {@code close} or {@code reopen}, as the REST API's {@code state_event} */
    Optional<String> changeState(long projectId, long iid, Accounts.Person viewer, String event);

    Optional<String> comment(long projectId, long iid, Accounts.Person viewer, String body);
}
