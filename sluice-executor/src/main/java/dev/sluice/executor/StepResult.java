package dev.sluice.executor;

/** How a script step ended. */
public sealed interface StepResult {

    /** The shell exited by itself; 0 is success. */
    record Exited(int exitCode) implements StepResult {
    }

    /** The step ran past its timeout and its process tree was killed. */
    record TimedOut() implements StepResult {
    }

    /** The step was canceled through its {@link Cancellation} and its process tree was killed. */
    record Canceled() implements StepResult {
    }

    /** The executor could not run the step at all (no shell, no container ...). */
    record SystemFailure(String message) implements StepResult {
    }

    default boolean succeeded() {
        return this instanceof Exited e && e.exitCode() == 0;
    }
}
