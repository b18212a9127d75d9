package dev.sluice.executor;

import java.util.function.UnaryOperator;

/**
 * Expands {@code $VAR} and {@code ${VAR}} once, with the rules of Go's {@code os.Expand} that gitlab-runner
 * applies to variable values: {@code $$} becomes {@code $}; positional and special names ({@code $1},
 * {@code $?}, {@code $*} ...) become empty; unknown names become empty; {@code ${}} and an unclosed
 * {@code ${} are dropped; a {@code $} followed by nothing expandable stays as it is.
 */
public final class VariableExpander {

    private static final String SPECIAL = "*#$@!?-0123456789";

    private VariableExpander() {
    }

    public static String expand(String text, UnaryOperator<String> lookup) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            i = expandOne(text, i + 1, lookup, out);
        }
        return out.toString();
    }

    /** Expands the reference starting after a {@code $} at {@code start}; returns where to continue. */
    private static int expandOne(String s, int start, UnaryOperator<String> lookup, StringBuilder out) {
        char first = s.charAt(start);
        if (first == '{') {
            if (start + 2 < s.length() && SPECIAL.indexOf(s.charAt(start + 1)) >= 0 && s.charAt(start + 2) == '}') {
                out.append(special(s.charAt(start + 1), lookup));
                return start + 3;
            }
            int close = s.indexOf('}', start + 1);
            if (close < 0) {
                return start + 1; // bad syntax: eat "${"
            }
            if (close > start + 1) {
                out.append(lookup.apply(s.substring(start + 1, close)));
            }
            return close + 1; // "${}" is eaten too
        }
        if (SPECIAL.indexOf(first) >= 0) {
            out.append(special(first, lookup));
            return start + 1;
        }
        int end = start;
        while (end < s.length() && isNameChar(s.charAt(end))) {
            end++;
        }
        if (end == start) {
            out.append('$'); // "$" not followed by a name stays
            return start;
        }
        out.append(lookup.apply(s.substring(start, end)));
        return end;
    }

    private static String special(char name, UnaryOperator<String> lookup) {
        if (name == '$') {
            return "$";
        }
        return name == '-' ? lookup.apply("-") : "";
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
