package dev.sluice.engine;

import dev.sluice.config.model.Need;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link Engine#start} needs: the pipeline's identity (as the caller numbers it), the stages in
 * order ({@code .pre} first, {@code .post} last), the planned jobs in file order (names unique, local
 * needs all present), when the pipeline was created, and its settings.
 */
public record PipelineInput(long id, long iid, List<String> stages, List<PlannedJob> jobs, Instant createdAt,
                            PipelineSettings settings) {

    public PipelineInput {
        stages = List.copyOf(stages);
        jobs = List.copyOf(jobs);
        for (PlannedJob job : jobs) {
            if (!stages.contains(job.definition().stage())) {
                throw new IllegalArgumentException("job " + job.name() + ": unknown stage " + job.definition().stage());
            }
        }
        Set<String> names = new HashSet<>();
        Set<String> needable = new HashSet<>();
        for (PlannedJob job : jobs) {
            if (!names.add(job.name())) {
                throw new IllegalArgumentException("job " + job.name() + " is planned twice");
            }
            needable.add(job.name());
            job.definition().parallel().ifPresent(p -> needable.add(p.baseName()));
        }
        for (PlannedJob job : jobs) {
            job.needs().orElse(List.of()).stream().filter(Need::isLocal).map(Need::job)
                    .filter(n -> !needable.contains(n)).findFirst().ifPresent(n -> {
                        throw new IllegalArgumentException("job " + job.name() + " needs " + n + ", which is not planned");
                    });
        }
    }
}
