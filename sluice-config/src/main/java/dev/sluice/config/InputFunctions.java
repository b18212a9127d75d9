package dev.sluice.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The functions GitLab allows in an interpolation block: {@code expand_vars}, {@code truncate(offset, length)}, {@code posix_escape}. */
final class InputFunctions {

    private static final Pattern TRUNCATE = Pattern.compile("truncate\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    private InputFunctions() {
    }

    static Optional<InputValue> apply(String function, InputValue value, Map<String, String> variables) {
        String text = value.text();
        if (function.equals("expand_vars")) {
            return Optional.of(new InputValue(VariableExpansion.expandKnown(text, variables)));
        }
        if (function.equals("posix_escape")) {
            return Optional.of(new InputValue(text.replaceAll("([^A-Za-z0-9_\\-.,:/@\\n])", "\\\\$1")));
        }
        Matcher truncate = TRUNCATE.matcher(function);
        if (truncate.matches()) {
            int offset = Math.min(Integer.parseInt(truncate.group(1)), text.length());
            int end = Math.min(text.length(), offset + Integer.parseInt(truncate.group(2)));
            return Optional.of(new InputValue(text.substring(offset, end)));
        }
        return Optional.empty();
    }
}
