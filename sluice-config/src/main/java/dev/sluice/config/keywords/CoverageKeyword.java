package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YNode;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code coverage}: a {@code /regex/} matched against the job log. GitLab requires RE2 syntax;
 * java.util.regex approximates it, so back-references and lookarounds (which RE2 lacks) are refused.
 */
public final class CoverageKeyword {

    private static final Pattern SLASHED = Pattern.compile("/(.*)/([ismU]*)", Pattern.DOTALL);
    private static final Pattern NOT_RE2 = Pattern.compile("\\\\[1-9]|\\(\\?<?[=!]|\\\\k<");

    private CoverageKeyword() {
    }

    /** The regex as written, slashes included. */
    public static Optional<String> read(YNode node, At at) {
        Optional<String> text = at.string(node);
        if (text.isEmpty()) {
            return text;
        }
        var m = SLASHED.matcher(text.get());
        if (!m.matches() || !compiles(m.group(1)) || NOT_RE2.matcher(m.group(1)).find()) {
            at.error(node, "invalid-value", at.path() + " config must be a regular expression with re2 syntax");
            return Optional.empty();
        }
        return text;
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
