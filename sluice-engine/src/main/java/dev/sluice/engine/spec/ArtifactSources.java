package dev.sluice.engine.spec;

import dev.sluice.engine.Job;
import dev.sluice.engine.Pipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * Whose artifacts (and dotenv variables) a job receives, GitLab's way: with {@code needs}, only the
 * needed jobs with {@code artifacts: true}; else with {@code dependencies}, those jobs; else every
 * job of an earlier stage. Always the latest attempt of each, in pipeline order.
 */
public final class ArtifactSources {

    private ArtifactSources() {
    }

    public static List<Job> of(Pipeline pipeline, Job job) {
        List<Job> out = new ArrayList<>();
        for (Job other : pipeline.latestJobs()) {
            if (other.id() != job.id() && !other.isTrigger() && wanted(job, other)) {
                out.add(other);
            }
        }
        return out;
    }

    private static boolean wanted(Job job, Job other) {
        if (job.needs().isPresent()) {
            return job.needs().get().stream().anyMatch(n -> n.artifacts() && n.names(other.planned().definition()));
        }
        var dependencies = job.planned().definition().dependencies();
        if (dependencies.isPresent()) {
            return dependencies.get().stream().anyMatch(d -> d.equals(other.name()) || d.equals(baseName(other)));
        }
        return other.stageIndex() < job.stageIndex();
    }


    private static String baseName(Job job) {
        return job.planned().definition().parallel().map(p -> p.baseName()).orElse(job.name());
    }
}
