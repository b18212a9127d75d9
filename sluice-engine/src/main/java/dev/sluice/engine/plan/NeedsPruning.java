package dev.sluice.engine.plan;

import dev.sluice.config.model.Need;
import dev.sluice.engine.PlannedJob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * After rules, a job may need a job that is not in the pipeline. GitLab then fails the whole
 * pipeline, unless the need is {@code optional}, in which case it is dropped (all dropped: the job
 * behaves like {@code needs: []}).
 */
final class NeedsPruning {

    record Pruned(List<PlannedJob> jobs, List<String> errors) {
    }

    private NeedsPruning() {
    }

    static Pruned prune(List<PlannedJob> jobs) {
        Set<String> names = new HashSet<>();
        for (PlannedJob job : jobs) {
            names.add(job.definition().name());
            job.definition().parallel().ifPresent(p -> names.add(p.baseName()));
        }
        List<PlannedJob> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (PlannedJob job : jobs) {
            if (job.needs().isEmpty()) {
                out.add(job);
                continue;
            }
            List<Need> kept = new ArrayList<>();
            for (Need need : job.needs().get()) {
                if (!need.isLocal() || names.contains(need.job())) {
                    kept.add(need);
                } else if (!need.optional()) {
                    errors.add("'" + job.definition().name() + "' job needs '" + need.job() + "' job, but '"
                            + need.job() + "' is not in any previous stage");
                }
            }
            out.add(job.withNeeds(Optional.of(kept)));
        }
        return new Pruned(out, errors);
    }
}
