package dev.sluice.server;

import java.util.List;

/** Project CI/CD variables: one per key and environment scope. */
interface ProjectVariables {

    /**
     * One variable as GitLab's API shows it.
     *
     * @param variableType {@code env_var} or {@code file}
     * @param raw          not expanded by the runner
     * @param environmentScope {@code *}, an environment name, or a wildcard pattern ({@code review/*})
     */
    record Variable(String key, String value, String variableType, boolean isProtected, boolean masked, boolean raw,
                    String environmentScope, String description) {

        boolean isFile() {
            return variableType.equals("file");
        }
    }

    List<Variable> of(long projectId);

    /** False when the project already has this key in this scope. */
    boolean create(long projectId, Variable variable);

    /** Replaces the variable of {@code key} in {@code scope}; false when there is none (or the new key and scope are taken). */
    boolean update(long projectId, String key, String scope, Variable variable);

    boolean delete(long projectId, String key, String scope);
}
