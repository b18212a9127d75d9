package dev.sluice.server.web;

import java.util.List;

/** A project's CI/CD settings as the settings page edits them: variables, protected branches and merge request rules. */
public interface ProjectSettings {

    /**
     * A variable as the page may show it: a masked one's value is never handed to the page at all.
     *
     * @param value null when masked
     */
    record Variable(String key, String value, boolean isProtected, boolean masked, String scope) {
    }

    List<Variable> variables(long projectId);

    /**
     * Adds a variable, or changes the one of {@code oldKey} in {@code oldScope} when those are given.
     *
     * @param value null or empty on a change keeps the old value (how a masked value is left as it is)
     * @throws Refused when the variable breaks one of GitLab's rules (it says which)
     */
    void saveVariable(long projectId, String oldKey, String oldScope, Variable variable);

    boolean deleteVariable(long projectId, String key, String scope);

    List<String> protectedBranches(long projectId);

    /** @throws Refused for an empty name or one already protected */
    void protectBranch(long projectId, String name);

    boolean unprotectBranch(long projectId, String name);

    /**
     * The project's merge request rules as the settings form shows and sends them.
     *
     * @param approvalsRequired as typed, a whole number when valid
     * @param approverLevel     the least access level whose approval counts: 30, 40 or 50
     * @param mergeMethod       {@code merge} or {@code ff}
     */
    record MergeRules(String approvalsRequired, int approverLevel, boolean resetApprovalsOnPush, String mergeMethod,
                      boolean avoidDuplicatePipelines) {
    }

    MergeRules mergeRules(long projectId);

    /** Saves the rules (the caller checked that the viewer manages the project). @throws Refused saying what is invalid */
    void saveMergeRules(long projectId, MergeRules rules);
}
