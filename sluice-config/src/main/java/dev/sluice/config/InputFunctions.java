package dev.sluice.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The functions GitLab allows in an interpolation block: {@code expand_vars}, {@code truncate(offset, length)}, {@code posix_escape}. */
final class InputFunctions {

    private static final Pattern TRUNCATE = Pattern.compile("truncate\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$([a-zA-Z_][a-zA-Z0-9_]*)|\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)}");

    private InputFunctions() {
    }

    static Optional<InputValue> apply(String function, InputValue value, Map<String, String> variables) {
        String text = value.text();
        if (function.equals("expand_vars")) {
            return Optional.of(new InputValue(expand(text, variables)));
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

    /** Known variables are replaced, unknown references are kept as written. */
    private static String expand(String text, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(name, m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
