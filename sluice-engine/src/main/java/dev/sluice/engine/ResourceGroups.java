package dev.sluice.engine;

/**
 * Who else holds a resource group. The engine keeps jobs of one pipeline one-at-a-time per group by
 * itself; this is how a caller (the server) adds the jobs of other pipelines of the project. It must
 * answer from the state the caller holds while applying the event (no I/O while the engine runs).
 */
@FunctionalInterface
public interface ResourceGroups {

    /** Nothing outside this pipeline: enough for {@code sluice run}. */
    ResourceGroups LOCAL = group -> false;

    /** Whether a job outside this pipeline holds {@code group} now. */
    boolean heldElsewhere(String group);
}
