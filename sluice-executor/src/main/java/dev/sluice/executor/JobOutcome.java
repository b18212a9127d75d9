package dev.sluice.executor;

import dev.sluice.model.JobVariable;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a job ended.
 *
 * @param failure  set when {@code result} is {@link Result#FAILED}
 * @param exitCode the script's exit code when it exited by itself
 * @param dotenv   variables of the {@code artifacts:reports:dotenv} files, for the jobs that depend on this one
 */
public record JobOutcome(Result result, Optional<RunFailure> failure, OptionalInt exitCode,
                         List<JobVariable> dotenv, Duration duration) {

    public enum Result { SUCCESS, FAILED, CANCELED }

    public JobOutcome {
        dotenv = List.copyOf(dotenv);
    }

    public JobOutcome withDotenv(List<JobVariable> variables) {
        return new JobOutcome(result, failure, exitCode, variables, duration);
    }

    public boolean succeeded() {
        return result == Result.SUCCESS;
    }
}
