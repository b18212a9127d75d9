package dev.sluice.cli.run;

import dev.sluice.engine.JobOutcome;
import dev.sluice.model.FailureReason;
import java.util.Optional;

/** The executor's account of a job in the engine's terms (GitLab's failure reasons). */
final class Outcomes {

    private Outcomes() {
    }

    static JobOutcome toEngine(dev.sluice.executor.JobOutcome outcome) {
        return switch (outcome.result()) {
            case SUCCESS -> new JobOutcome.Success();
            case CANCELED -> new JobOutcome.Canceled();
            case FAILED -> new JobOutcome.Failed(reason(outcome), outcome.exitCode().isPresent()
                    ? Optional.of(outcome.exitCode().getAsInt()) : Optional.empty());
        };
    }

    private static FailureReason reason(dev.sluice.executor.JobOutcome outcome) {
        return outcome.failure().map(f -> switch (f) {
            case SCRIPT_FAILURE -> FailureReason.SCRIPT_FAILURE;
            case JOB_EXECUTION_TIMEOUT -> FailureReason.JOB_EXECUTION_TIMEOUT;
            case RUNNER_SYSTEM_FAILURE -> FailureReason.RUNNER_SYSTEM_FAILURE;
        }).orElse(FailureReason.UNKNOWN_FAILURE);
    }
}
