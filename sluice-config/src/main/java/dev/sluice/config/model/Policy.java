package dev.sluice.config.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code only} or {@code except}, always in the hash form: the array form {@code only: [a]} is
 * {@code only: {refs: [a]}}. An absent sub-key is an empty list / empty optional.
 */
public record Policy(List<String> refs, List<String> variables, Optional<Changes> changes, Optional<String> kubernetes) {

    public Policy {
        refs = List.copyOf(refs);
        variables = List.copyOf(variables);
    }

    /** GitLab's implicit {@code only: [branches, tags]} for jobs without rules, only or except. */
    public static final Policy BRANCHES_AND_TAGS = new Policy(List.of("branches", "tags"), List.of(), Optional.empty(), Optional.empty());
}
