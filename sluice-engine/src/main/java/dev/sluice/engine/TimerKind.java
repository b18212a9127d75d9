package dev.sluice.engine;

/** What a timer is for, so a late timer of one kind never acts as the other. */
public enum TimerKind {
    /** A {@code when: delayed} job's {@code start_in} has passed. */
    START_DELAYED,
    /** A running job reached its {@code timeout}. */
    JOB_TIMEOUT
}
