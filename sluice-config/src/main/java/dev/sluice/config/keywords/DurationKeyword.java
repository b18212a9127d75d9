package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab's human durations ({@code timeout}, {@code start_in}, {@code expire_in}, {@code auto_stop_in}),
 * read as the ChronicDuration gem does with unknown words rejected: {@code 3600}, {@code 1h 30m},
 * {@code 1 hour and 30 minutes}, {@code one week}, {@code 1:30:00}. A duration of zero is not one.
 */
public final class DurationKeyword {

    private static final Pattern NUMBER = Pattern.compile("[0-9]*\\.?[0-9]+");
    private static final Pattern CHRONO = Pattern.compile("[0-9]*\\.?[0-9]+(?::[0-9]*\\.?[0-9]+)+");
    private static final List<String> CHRONO_UNITS = List.of("seconds", "minutes", "hours", "days", "months", "years");
    private static final List<String> JOIN_WORDS = List.of("and", "with", "plus");
    private static final Map<String, Long> SECONDS = Map.of("seconds", 1L, "minutes", 60L, "hours", 3600L,
            "days", 86_400L, "weeks", 604_800L, "months", 2_592_000L, "years", 31_557_600L);
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("seconds", "seconds"), Map.entry("second", "seconds"), Map.entry("secs", "seconds"),
            Map.entry("sec", "seconds"), Map.entry("s", "seconds"),
            Map.entry("minutes", "minutes"), Map.entry("minute", "minutes"), Map.entry("mins", "minutes"),
            Map.entry("min", "minutes"), Map.entry("m", "minutes"),
            Map.entry("hours", "hours"), Map.entry("hour", "hours"), Map.entry("hrs", "hours"),
            Map.entry("hr", "hours"), Map.entry("h", "hours"),
            Map.entry("days", "days"), Map.entry("day", "days"), Map.entry("dy", "days"), Map.entry("d", "days"),
            Map.entry("weeks", "weeks"), Map.entry("week", "weeks"), Map.entry("wks", "weeks"),
            Map.entry("wk", "weeks"), Map.entry("w", "weeks"),
            Map.entry("months", "months"), Map.entry("month", "months"), Map.entry("mo", "months"),
            Map.entry("mos", "months"),
            Map.entry("years", "years"), Map.entry("year", "years"), Map.entry("yrs", "years"),
            Map.entry("yr", "years"), Map.entry("y", "years"));
    /** Number words, as the Numerizer gem turns them into digits before parsing. */
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"),
            Map.entry("twelve", "12"), Map.entry("thirteen", "13"), Map.entry("fourteen", "14"),
            Map.entry("fifteen", "15"), Map.entry("sixteen", "16"), Map.entry("seventeen", "17"),
            Map.entry("eighteen", "18"), Map.entry("nineteen", "19"), Map.entry("twenty", "20"),
            Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"), Map.entry("sixty", "60"),
            Map.entry("seventy", "70"), Map.entry("eighty", "80"), Map.entry("ninety", "90"));

    private DurationKeyword() {
    }

    /** A positive duration, or empty when {@code text} is not one (unknown word, zero, no number). */
    public static Optional<Duration> parse(String text) {
        String s = numerize(text.toLowerCase(Locale.ROOT));
        String compact = s.replace(" ", "");
        if (CHRONO.matcher(compact).matches()) {
            String[] parts = compact.split(":");
            if (parts.length > CHRONO_UNITS.size()) {
                return Optional.empty();
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                b.append(parts[i]).append(' ').append(CHRONO_UNITS.get(parts.length - 1 - i)).append(' ');
            }
            s = b.toString();
        }
        Matcher m = NUMBER.matcher(s);
        s = m.replaceAll(" $0 ").trim();
        List<String> tokens = new ArrayList<>();
        for (String word : s.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (NUMBER.matcher(word).matches()) {
                tokens.add(word);
                continue;
            }
            String stripped = word.replaceAll("^,|,$", "");
            if (UNITS.containsKey(stripped)) {
                tokens.add(UNITS.get(stripped));
            } else if (!JOIN_WORDS.contains(stripped)) {
                return Optional.empty();
            }
        }
        if (!tokens.isEmpty() && SECONDS.containsKey(tokens.getFirst())) {
            tokens.addFirst("1"); // "hour" is one hour
        }
        double seconds = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (NUMBER.matcher(tokens.get(i)).matches()) {
                String unit = i + 1 < tokens.size() ? tokens.get(i + 1) : "seconds";
                seconds += Double.parseDouble(tokens.get(i)) * SECONDS.getOrDefault(unit, 0L);
            }
        }
        long millis = Math.round(seconds * 1000);
        return millis > 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
    }

    /** A duration written as a string (GitLab does not take a bare YAML number here). */
    public static Optional<Duration> read(YNode node, At at) {
        if (node instanceof YScalar s && s.isString()) {
            Optional<Duration> d = parse(s.value());
            if (d.isEmpty()) {
                at.error(node, "invalid-value", at.path() + " config should be a duration, found '" + s.value() + "'");
            }
            return d;
        }
        at.wrongType(node, "a duration");
        return Optional.empty();
    }

    /**
     * The text of a duration that may also be {@code never} ({@code expire_in}, {@code auto_stop_in}), kept
     * as written for the caller to store.
     */
    public static Optional<String> readOrNever(YNode node, At at) {
        if (node instanceof YScalar s && s.isString() && s.value().trim().equalsIgnoreCase("never")) {
            return Optional.of(s.value());
        }
        return read(node, at).map(d -> ((YScalar) node).value());
    }

    private static String numerize(String text) {
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("[a-z]+").matcher(text);
        while (m.find()) {
            m.appendReplacement(b, NUMBER_WORDS.getOrDefault(m.group(), m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }
}
