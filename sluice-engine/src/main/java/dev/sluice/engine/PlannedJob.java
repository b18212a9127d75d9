package dev.sluice.engine;

import dev.sluice.config.model.AllowFailure;
import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.model.Need;
import dev.sluice.config.model.When;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job that planning (workflow, rules, only/except) kept, with its effective settings: the state
 * machine's input. Defaults are already resolved: {@code allowFailure} is true for a job-level
 * {@code when: manual} and false for a manual job from a rule; {@code needs} holds only the needs that
 * exist in this pipeline (missing optional needs dropped); empty {@code needs} means stage ordering,
 * an empty list means {@code needs: []}.
 *
 * @param variables opaque to the state machine; carried for the dispatcher
 */
public record PlannedJob(JobDefinition definition, When when, AllowFailure allowFailure,
                         Optional<List<Need>> needs, Optional<Duration> startIn, boolean interruptible,
                         Map<String, String> variables) {

    public PlannedJob {
        needs = needs.map(List::copyOf);
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        if (when == When.NEVER) {
            throw new IllegalArgumentException("job " + definition.name() + ": when: never jobs are not planned");
        }
        if (when == When.DELAYED && startIn.isEmpty()) {
            throw new IllegalArgumentException("job " + definition.name() + ": when: delayed needs start_in");
        }
    }

    public PlannedJob withNeeds(Optional<List<Need>> effectiveNeeds) {
        return new PlannedJob(definition, when, allowFailure, effectiveNeeds, startIn, interruptible, variables);
    }

    public String name() {
        return definition.name();
    }

    /** Jobs with {@code needs} (even {@code needs: []}) are scheduled by the DAG, not by stages. */
    public boolean dag() {
        return needs.isPresent();
    }
}
