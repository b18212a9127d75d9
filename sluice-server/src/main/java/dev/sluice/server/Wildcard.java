package dev.sluice.server;

import java.util.regex.Pattern;

/**
 * GitLab's name patterns for protected branches and tags and for environment scopes: {@code *} stands
 * for any characters, {@code /} included ({@code release/*}, {@code review/*}); everything else is literal.
 */
final class Wildcard {

    private Wildcard() {
    }

    static boolean matches(String pattern, String name) {
        if (!isPattern(pattern)) {
            return pattern.equals(name);
        }
        var regex = new java.util.StringJoiner(".*");
        for (String part : pattern.split("\\*", -1)) {
            regex.add(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches();
    }

    static boolean isPattern(String pattern) {
        return pattern.contains("*");
    }
}
