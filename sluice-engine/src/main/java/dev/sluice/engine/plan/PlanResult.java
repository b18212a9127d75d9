package dev.sluice.engine.plan;

import dev.sluice.config.model.AutoCancel;
import dev.sluice.engine.PlannedJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What planning decided: a pipeline to create, no pipeline (and why), or a pipeline that fails at creation. */
public sealed interface PlanResult {

    /**
     * A pipeline to run: its name ({@code workflow:name}, expanded), the effective global variables
     * (after {@code workflow:rules:variables}), the jobs in definition order, and its auto-cancel settings.
     */
    record Created(Optional<String> name, Map<String, String> globalVariables, List<String> stages,
                   List<PlannedJob> jobs, AutoCancel autoCancel) implements PlanResult {
        public Created {
            globalVariables = Map.copyOf(globalVariables);
            stages = List.copyOf(stages);
            jobs = List.copyOf(jobs);
        }
    }

    /** No pipeline, as GitLab creates none: workflow:rules said no, or no job (or only .pre/.post jobs) remains. */
    record NotCreated(String reason) implements PlanResult {
    }

    /** GitLab creates the pipeline and fails it at once, e.g. a job needs a job that rules left out. */
    record Failed(List<String> errors) implements PlanResult {
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
