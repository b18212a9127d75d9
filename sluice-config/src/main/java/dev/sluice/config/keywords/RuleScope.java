package dev.sluice.config.keywords;

/** Where a {@code rules} list is written; each place allows different keys and {@code when} values. */
public enum RuleScope {
    JOB, WORKFLOW, INCLUDE
}
