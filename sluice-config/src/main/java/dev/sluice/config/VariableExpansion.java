package dev.sluice.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands variable references in YAML keywords the way GitLab's server does when it creates a
 * pipeline ({@code image}, {@code environment:name}, {@code cache:key}, {@code rules:changes} paths,
 * {@code workflow:name} ...): {@code $VAR}, {@code ${VAR}} and {@code %VAR%}. This is not the
 * runner's rule for variable values (Go's {@code os.Expand}, with {@code $$}), which the executor applies.
 */
public final class VariableExpansion {

    private static final Pattern REFERENCE =
            Pattern.compile("\\$([a-zA-Z_][a-zA-Z0-9_]*)|\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)?}|%([a-zA-Z_][a-zA-Z0-9_]*)%");

    private VariableExpansion() {
    }

    /** Known variables are replaced; unknown ones are kept as written (GitLab's rule for rules:changes paths). */
    public static String expandKnown(String text, Map<String, String> variables) {
        return expand(text, variables, true);
    }

    /** Known variables are replaced; unknown ones become empty. */
    public static String expandAll(String text, Map<String, String> variables) {
        return expand(text, variables, false);
    }

    private static String expand(String text, Map<String, String> variables, boolean keepUnknown) {
        if (text.indexOf('$') < 0 && text.indexOf('%') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = name == null ? null : variables.get(name);
            String replacement = value != null ? value : keepUnknown ? m.group() : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
