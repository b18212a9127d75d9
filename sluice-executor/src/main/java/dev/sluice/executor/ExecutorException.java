package dev.sluice.executor;

/** The executor itself failed (not the job's script): the job fails with {@code runner_system_failure}. */
public class ExecutorException extends Exception {

    public ExecutorException(String message) {
        super(message);
    }

    public ExecutorException(String message, Throwable cause) {
        super(message, cause);
    }
}
