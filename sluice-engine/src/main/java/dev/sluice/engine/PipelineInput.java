package dev.sluice.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Engine#start} needs: the pipeline's identity (as the caller numbers it), the stages in
 * order ({@code .pre} first, {@code .post} last), the planned jobs in file order, when the pipeline
 * was created, and the project's job timeout for jobs without {@code timeout}.
 */
public record PipelineInput(long id, long iid, List<String> stages, List<PlannedJob> jobs, Instant createdAt,
                            Optional<Duration> projectTimeout) {

    public PipelineInput {
        stages = List.copyOf(stages);
        jobs = List.copyOf(jobs);
        for (PlannedJob job : jobs) {
            if (!stages.contains(job.definition().stage())) {
                throw new IllegalArgumentException("job " + job.name() + ": unknown stage " + job.definition().stage());
            }
        }
    }
}
