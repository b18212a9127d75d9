/**
 * The pipeline state machine, pure: {@link dev.sluice.engine.Engine#start} turns a
 * {@link dev.sluice.engine.PipelineInput} (the planned jobs) into a {@link dev.sluice.engine.Pipeline},
 * and {@link dev.sluice.engine.Engine#apply} turns a pipeline and an {@link dev.sluice.engine.Event} into
 * the next pipeline and the {@link dev.sluice.engine.Command}s the caller must carry out (queue a job,
 * cancel it, set a timer, create a child pipeline, take or release a resource group).
 *
 * <p>It reproduces GitLab's processing: stage order and the {@code needs} DAG, the
 * {@code ProcessBuildService} table of what each {@code when} accepts, manual and delayed jobs,
 * {@code allow_failure}, automatic and manual retries, timeouts, cancels, resource groups, trigger jobs,
 * and the composite status ({@link dev.sluice.engine.CompositeStatus}). The caller owns time, I/O and
 * persistence; the same engine serves {@code sluice run} and the server.
 */
package dev.sluice.engine;
