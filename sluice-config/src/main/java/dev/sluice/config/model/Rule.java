package dev.sluice.config.model;

import dev.sluice.model.SourcePos;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code rules} (job, workflow or include). It matches when all its conditions hold;
 * a rule with no condition always matches. Unset fields fall back to the job's values.
 */
public record Rule(Optional<String> ifExpression, Optional<Changes> changes, Optional<Exists> exists,
                   Optional<When> when, Optional<String> startIn, Optional<AllowFailure> allowFailure,
                   List<Variable> variables, Optional<List<Need>> needs, Optional<Boolean> interruptible,
                   Optional<AutoCancel> autoCancel, SourcePos pos) {

    public Rule {
        variables = List.copyOf(variables);
    }
}
