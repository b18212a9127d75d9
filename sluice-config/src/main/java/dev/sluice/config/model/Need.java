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
}
