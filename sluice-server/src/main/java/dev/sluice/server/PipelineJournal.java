package dev.sluice.server;

import java.util.List;
import java.util.Optional;

/**
 * What rebuilds a pipeline's engine state after a restart: the trigger it was planned from and, in
 * order, every event applied to it. An event is appended before the engine applies it (write-ahead), so
 * a replay never misses one the server acted on.
 */
interface PipelineJournal {

    /** Creates the pipeline row, status {@code created}, with its source and its encoded {@link TriggerRecord}. */
    long open(long projectId, String ref, String sha, String source, String triggerRecord);

    /** Empty for pipelines created before the journal existed. */
    Optional<String> triggerRecord(long pipelineId);

    void append(long pipelineId, String event);

    /** The encoded events in the order they were appended. */
    List<String> events(long pipelineId);

    /** Pipelines with a trigger record that have not completed: the ones to resume at start. */
    List<Long> unfinished();
}
