package dev.sluice.executor;

import java.util.regex.Pattern;

/**
 * A doublestar glob over {@code /}-separated relative paths, as gitlab-runner matches artifact and cache
 * paths: {@code *} and {@code ?} stay within one segment, a {@code **} segment spans any number of
 * directories (also none), {@code [a-z]}, {@code [!x]} and {@code {a,b}} as usual, {@code \} escapes.
 */
final class Glob {

    private final Pattern regex;

    private Glob(Pattern regex) {
        this.regex = regex;
    }

    static Glob compile(String glob) {
        return new Glob(Pattern.compile(toRegex(glob)));
    }

    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    static boolean hasMeta(String text) {
        return text.chars().anyMatch(c -> "*?[{\\".indexOf(c) >= 0);
    }

    static String toRegex(String glob) {
        var out = new StringBuilder();
        String[] segments = glob.split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            boolean last = s == segments.length - 1;
            if (segments[s].equals("**")) {
                out.append(last ? ".*" : "(?:[^/]*/)*"); // zero or more whole directories
                continue;
            }
            segment(segments[s], out);
            if (!last) {
                out.append('/');
            }
        }
        return out.toString();
    }

    private static void segment(String seg, StringBuilder out) {
        int braces = 0;
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            switch (c) {
                case '*' -> out.append("[^/]*");
                case '?' -> out.append("[^/]");
                case '\\' -> {
                    if (i + 1 < seg.length()) {
                        out.append(Pattern.quote(String.valueOf(seg.charAt(++i))));
                    }
                }
                case '[' -> i = charClass(seg, i, out);
                case '{' -> {
                    braces++;
                    out.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        out.append(')');
                    } else {
                        out.append("\\}");
                    }
                }
                case ',' -> out.append(braces > 0 ? "|" : ",");
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        out.append(")".repeat(braces));
    }

    private static int charClass(String seg, int open, StringBuilder out) {
        int close = seg.indexOf(']', open + 2);
        if (close < 0) {
            out.append("\\[");
            return open;
        }
        String body = seg.substring(open + 1, close);
        boolean negate = body.startsWith("!") || body.startsWith("^");
        if (negate) {
            body = body.substring(1);
        }
        out.append('[').append(negate ? "^/" : "").append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
        return close;
    }
}
