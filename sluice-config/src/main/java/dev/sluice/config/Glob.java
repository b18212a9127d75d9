package dev.sluice.config;

import java.util.regex.Pattern;

/**
 * File globs as GitLab matches them. {@link #fnmatch} is Ruby's {@code File.fnmatch} with
 * PATHNAME | DOTMATCH | EXTGLOB ({@code rules:changes}, {@code rules:exists}): {@code *} and
 * {@code ?} stop at {@code /}, {@code **}{@code /} spans directories, {@code {a,b}} alternates.
 * {@link #includeWildcard} is {@code include:local}'s rule, where {@code **} spans directories
 * anywhere ({@code configs/**.yml} matches {@code configs/a/b.yml}).
 */
public final class Glob {

    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    public static Glob fnmatch(String glob) {
        return new Glob(Pattern.compile(translate(glob, false)));
    }

    public static Glob includeWildcard(String glob) {
        return new Glob(Pattern.compile(translate(glob, true)));
    }

    public static boolean isPattern(String text) {
        return text.contains("*") || text.contains("?") || text.contains("[") || text.contains("{");
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    private static String translate(String glob, boolean starStarAnywhere) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                    if (doubleStar && i + 2 < glob.length() && glob.charAt(i + 2) == '/' && (i == 0 || glob.charAt(i - 1) == '/')) {
                        re.append("(?:[^/]*/)*");
                        i += 2;
                    } else if (doubleStar) {
                        re.append(starStarAnywhere ? ".*" : "[^/]*");
                        i += 1;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 1);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!") || body.startsWith("^")) {
                            body = "^" + body.substring(1);
                        }
                        re.append('[').append(body.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        while (braces-- > 0) {
            re.append(')');
        }
        return re.toString();
    }
}
