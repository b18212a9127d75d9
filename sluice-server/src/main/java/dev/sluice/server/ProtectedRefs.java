package dev.sluice.server;

import java.util.List;

/** A project's protected branches and tags: names or wildcard patterns ({@code release/*}). */
interface ProtectedRefs {

    enum Kind { BRANCH, TAG }

    /** False when the name is already protected. */
    boolean protect(long projectId, Kind kind, String name);

    boolean unprotect(long projectId, Kind kind, String name);

    List<String> names(long projectId, Kind kind);

    /** GitLab: a ref is protected when a protected name or pattern of its kind matches it. */
    default boolean isProtected(long projectId, Kind kind, String ref) {
        return names(projectId, kind).stream().anyMatch(pattern -> Wildcard.matches(pattern, ref));
    }
}
