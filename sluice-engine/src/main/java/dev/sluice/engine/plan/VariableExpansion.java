package dev.sluice.engine.plan;

import java.util.Map;

/** Expands {@code $VAR} and {@code ${VAR}} references the way GitLab expands them in YAML keywords. */
public final class VariableExpansion {

    private VariableExpansion() {
    }

    /** Known variables are replaced; unknown ones are kept as written (GitLab's rule for rules:changes paths). */
    public static String expandKnown(String text, Map<String, String> variables) {
        return expand(text, variables, true);
    }

    /** Known variables are replaced; unknown ones become empty (the runner's rule, like Go's os.Expand); {@code $$} is {@code $}. */
    public static String expandAll(String text, Map<String, String> variables) {
        return expand(text, variables, false);
    }

    private static String expand(String text, Map<String, String> variables, boolean keepUnknown) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$' && !keepUnknown) {
                out.append('$');
                i += 2;
                continue;
            }
            boolean braced = next == '{';
            int start = braced ? i + 2 : i + 1;
            int end = start;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            boolean closed = !braced || (end < text.length() && text.charAt(end) == '}');
            if (end == start || !closed) {
                out.append(c);
                i++;
                continue;
            }
            String name = text.substring(start, end);
            int after = braced ? end + 1 : end;
            String value = variables.get(name);
            if (value != null) {
                out.append(value);
            } else if (keepUnknown) {
                out.append(text, i, after);
            }
            i = after;
        }
        return out.toString();
    }
}
