package dev.sluice.executor;

import dev.sluice.model.JobSpec;

/**
 * Runs the shell steps of one job somewhere: on this host, in a container, in a pod. One instance serves
 * one job. Executors only run strings; {@link JobRunner} decides what runs when.
 *
 * <h2>Lifecycle</h2>
 * {@link #prepare} once, then {@link #run} for each step in order, then {@link #cleanup}. The runner calls
 * {@code cleanup} always, also when {@code prepare} failed or threw, and may call it more than once: it is
 * idempotent and never throws.
 *
 * <h2>Threads</h2>
 * {@code prepare}, {@code run} and {@code cleanup} are called from one thread at a time, never concurrently.
 * {@code run} blocks until its step ends. The step's {@link Cancellation} may fire from any thread; the
 * executor then kills the step's whole process tree and {@code run} returns {@link StepResult.Canceled}.
 * A cancel concerns one step only: the next step gets its own {@code Cancellation}.
 *
 * <h2>Output</h2>
 * {@code run} writes the step's stdout and stderr to the given sink, interleaved as produced, from any
 * thread but one write at a time, and only before it returns.
 *
 * <h2>Files</h2>
 * The working copy must be visible on the runner's host at {@link Workspace#projectDir}: the runner restores
 * caches and artifacts there and collects artifacts from there in its own process (a container executor
 * mounts that directory). The executor exports the job's {@link JobEnvironment} to every step and writes its
 * file variables.
 */
public interface Executor {

    /** Makes the job runnable (directories, file variables, containers); {@code log} is the job's log. */
    void prepare(JobSpec job, Workspace workspace, TraceSink log) throws ExecutorException;

    /** Runs one step to its end, its timeout, or its cancellation. Never throws for a failing script. */
    StepResult run(ScriptStep step, TraceSink log, Cancellation cancel);

    /** Releases everything {@code prepare} and {@code run} made, except the working copy; kills leftovers. */
    void cleanup();
}
