package dev.sluice.executor;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** The job's result as it stands after the script, before uploads; {@code message} ends the log. */
record Verdict(JobOutcome.Result result, Optional<RunFailure> failure, OptionalInt exitCode, String message) {

    static final Verdict CANCELED = new Verdict(JobOutcome.Result.CANCELED, Optional.empty(), OptionalInt.empty(), "canceled");

    static Verdict of(StepResult step, Duration timeout) {
        String message = JobRunner.describe(step, timeout);
        return switch (step) {
            case StepResult.Exited e when e.exitCode() == 0 ->
                    new Verdict(JobOutcome.Result.SUCCESS, Optional.empty(), OptionalInt.of(0), message);
            case StepResult.Exited e ->
                    new Verdict(JobOutcome.Result.FAILED, Optional.of(RunFailure.SCRIPT_FAILURE), OptionalInt.of(e.exitCode()), message);
            case StepResult.TimedOut t ->
                    new Verdict(JobOutcome.Result.FAILED, Optional.of(RunFailure.JOB_EXECUTION_TIMEOUT), OptionalInt.empty(), message);
            case StepResult.Canceled c -> CANCELED;
            case StepResult.SystemFailure f ->
                    new Verdict(JobOutcome.Result.FAILED, Optional.of(RunFailure.RUNNER_SYSTEM_FAILURE), OptionalInt.empty(), message);
        };
    }

    /** {@code CI_JOB_STATUS} for after_script. */
    String jobStatus() {
        return switch (result) {
            case SUCCESS -> "success";
            case FAILED -> "failed";
            case CANCELED -> "canceled";
        };
    }
}
