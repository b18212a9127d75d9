package dev.sluice.server;

import dev.sluice.engine.plan.TriggerContext;
import java.util.Optional;

/**
 * One ref moved by a push: its full name ({@code refs/heads/main}, {@code refs/tags/v1}) and the commit before
 * and after, the all-zero id standing for "no commit" (a created or deleted ref), as git's receive hooks say it.
 */
record RefUpdate(String ref, String oldSha, String newSha) {

    static final String BRANCHES = "refs/heads/";
    static final String TAGS = "refs/tags/";

    boolean deleted() {
        return newSha.equals(TriggerContext.NO_SHA);
    }

    boolean tag() {
        return ref.startsWith(TAGS);
    }

    /** The short name of a branch or tag; empty for other refs (notes, merge-request refs...), which get no pipeline. */
    Optional<String> name() {
        if (ref.startsWith(BRANCHES)) {
            return Optional.of(ref.substring(BRANCHES.length()));
        }
        return tag() ? Optional.of(ref.substring(TAGS.length())) : Optional.empty();
    }
}
