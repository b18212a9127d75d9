package dev.sluice.config.model;

import java.util.List;

/** {@code retry}: at most {@code max} more runs, on the failure reasons in {@code when} or the exit codes. */
public record Retry(int max, List<String> when, List<Integer> exitCodes) {

    public static final Retry NONE = new Retry(0, List.of("always"), List.of());

    public Retry {
        when = List.copyOf(when);
        exitCodes = List.copyOf(exitCodes);
    }
}
