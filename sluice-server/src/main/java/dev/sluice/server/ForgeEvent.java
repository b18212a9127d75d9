package dev.sluice.server;

/** What a forge's webhook announced, whichever forge sent it. */
sealed interface ForgeEvent {

    /** A branch or tag moved; {@code ref} is the full ref name. */
    record Push(String ref, String before, String after) implements ForgeEvent {
        RefUpdate update() {
            return new RefUpdate(ref, before, after);
        }
    }

    /**
     * A merge request (GitLab) or pull request (GitHub, Gitea) was opened, updated, closed... Only recorded for now:
     * merge-request pipelines come with Sluice's merge-request model.
     *
     * @param action the forge's own word ({@code open}/{@code opened}, {@code update}/{@code synchronize}, ...)
     */
    record MergeRequest(String action, long iid, String title, String sourceBranch, String targetBranch, String headSha)
            implements ForgeEvent {
    }

    /** An event Sluice does not act on (ping, issues, ...), by the forge's name for it. */
    record Ignored(String kind) implements ForgeEvent {
    }
}
