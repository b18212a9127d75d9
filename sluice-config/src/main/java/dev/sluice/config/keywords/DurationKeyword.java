package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A human duration ({@code 30 minutes}, {@code 1h 30m}, {@code 5}: seconds), as ChronicDuration reads it. */
public final class DurationKeyword {

    private static final Pattern PART = Pattern.compile(
            "\\s*(\\d+(?:\\.\\d+)?)\\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)?\\s*(?:,|and)?");

    private DurationKeyword() {
    }

    public static Optional<Duration> read(YNode node, At at) {
        if (!(node instanceof YScalar s) || !(s.isString() || s.isInteger())) {
            at.wrongType(node, "a duration");
            return Optional.empty();
        }
        Optional<Duration> d = parse(s.value());
        if (d.isEmpty()) {
            at.error(node, "invalid-duration", at.path() + " should be a duration, found '" + s.value() + "'");
        }
        return d;
    }

    static Optional<Duration> parse(String text) {
        Matcher m = PART.matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
        double seconds = 0;
        int end = 0;
        boolean any = false;
        while (end < m.regionEnd() && m.find(end) && m.start() == end && m.end() > end) {
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            seconds += n * switch (unit.charAt(0)) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86_400;
                case 'w' -> 604_800;
                default -> 1;
            };
            end = m.end();
            any = true;
        }
        return any && end == m.regionEnd() ? Optional.of(Duration.ofMillis(Math.round(seconds * 1000))) : Optional.empty();
    }
}
