package dev.sluice.executor;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Durations as gitlab-runner reads and prints them (Go's {@code time.ParseDuration} and
 * {@code Duration.String}): {@code RUNNER_SCRIPT_TIMEOUT=10m30s}, {@code "execution took longer than 1h0m0s"}.
 */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    /** Parses {@code 1h30m}, {@code 90s}, {@code 1.5h}, {@code 250ms}; empty when malformed or negative. */
    static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        var m = PART.matcher(s);
        int pos = 0;
        double nanos = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return Optional.empty();
            }
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            pos = m.end();
        }
        return Optional.of(Duration.ofNanos((long) nanos));
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }

    /** Formats whole seconds as Go does: {@code 1h0m0s}, {@code 5m0s}, {@code 42s}, {@code 0s}. */
    public static String format(Duration d) {
        long total = Math.max(0, d.toSeconds());
        long h = total / 3600;
        long m = total % 3600 / 60;
        long s = total % 60;
        if (h > 0) {
            return h + "h" + m + "m" + s + "s";
        }
        return m > 0 ? m + "m" + s + "s" : s + "s";
    }
}
