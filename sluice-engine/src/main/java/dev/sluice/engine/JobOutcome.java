package dev.sluice.engine;

import dev.sluice.model.FailureReason;
import java.util.Optional;

/** How a job ended, as its executor (or the downstream pipeline) reports it. */
public sealed interface JobOutcome {

    record Success() implements JobOutcome {
    }

    /** {@code exitCode} is present when the script ran and exited; {@code allow_failure:exit_codes} uses it. */
    record Failed(FailureReason reason, Optional<Integer> exitCode) implements JobOutcome {
    }

    record Canceled() implements JobOutcome {
    }

    static JobOutcome success() {
        return new Success();
    }

    static JobOutcome scriptFailure(int exitCode) {
        return new Failed(FailureReason.SCRIPT_FAILURE, Optional.of(exitCode));
    }

    static JobOutcome failed(FailureReason reason) {
        return new Failed(reason, Optional.empty());
    }

    static JobOutcome canceled() {
        return new Canceled();
    }
}
