package dev.sluice.config.model;

import java.util.List;

/** {@code allow_failure}: a boolean, or {@code exit_codes} (allowed to fail only with those codes). */
public record AllowFailure(boolean allowed, List<Integer> exitCodes) {

    public static final AllowFailure YES = new AllowFailure(true, List.of());
    public static final AllowFailure NO = new AllowFailure(false, List.of());

    public AllowFailure {
        exitCodes = List.copyOf(exitCodes);
    }

    public boolean allows(int exitCode) {
        return exitCodes.isEmpty() ? allowed : exitCodes.contains(exitCode);
    }
}
