package dev.sluice.executor;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One shell program for an executor to run: the whole {@code before_script}+{@code script}, or the
 * {@code after_script}, already turned into text by {@link StepScript}.
 *
 * @param extraEnv variables for this step only, on top of the job's ({@code CI_JOB_STATUS} for after_script)
 * @param timeout  the executor kills the step's whole process tree when it runs longer
 */
public record ScriptStep(BuildStage stage, String script, Duration timeout, Map<String, String> extraEnv) {

    public ScriptStep {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(script);
        Objects.requireNonNull(timeout);
        extraEnv = Map.copyOf(extraEnv);
    }
}
