package dev.sluice.config.model;

import dev.sluice.model.SourcePos;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code needs}. {@code job} is empty only for the form {@code {pipeline: other/project}}.
 * {@code matrix} selects instances of a {@code parallel:matrix} job (empty: all instances).
 */
public record Need(String job, boolean artifacts, boolean optional, Optional<String> pipeline,
                   Optional<String> project, Optional<String> ref, List<Map<String, List<String>>> matrix,
                   SourcePos pos) {

    public Need {
        matrix = List.copyOf(matrix);
    }

    public static Need of(String job, SourcePos pos) {
        return new Need(job, true, false, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), pos);
    }

    /** Needs on a job of this pipeline (not another pipeline or project). */
    public boolean isLocal() {
        return pipeline.isEmpty() && project.isEmpty() && !job.isEmpty();
    }

    /**
     * Whether this need stands for {@code job}: the job of that name, every instance of a parallel
     * job of that name, or the instances whose values agree with one of the {@code parallel:matrix}
     * selectors (a selector may name only some variables, gitlab-org/gitlab!130957).
     */
    public boolean names(JobDefinition candidate) {
        if (!isLocal()) {
            return false;
        }
        if (candidate.name().equals(job) && matrix.isEmpty()) {
            return true;
        }
        Optional<ParallelInstance> instance = candidate.parallel();
        if (instance.isEmpty() || !instance.get().baseName().equals(job)) {
            return false;
        }
        Map<String, String> values = instance.get().matrixValues();
        return matrix.isEmpty() || matrix.stream().anyMatch(selector -> selector.entrySet().stream()
                .allMatch(e -> values.containsKey(e.getKey()) && e.getValue().contains(values.get(e.getKey()))));
    }
}
