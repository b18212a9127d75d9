package dev.sluice.config.expr;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression in GitLab's syntax: RE2 (GitLab compiles user regexes with the re2 gem),
 * written {@code /body/flags} with flags among {@code i m s U}. It is translated to an equivalent
 * {@link java.util.regex.Pattern}; see {@link Re2Translator} for the differences that matter.
 */
public final class Re2Pattern {

    /** GitLab's {@code UntrustedRegexp::RubySyntax} shape; Ruby's {@code ^ $} are line anchors. */
    private static final Pattern RUBY_SYNTAX =
            Pattern.compile("^/(.*)/([ismU]*)$", Pattern.MULTILINE | Pattern.UNIX_LINES);

    /** Steps a single match may take before it is abandoned (RE2 is linear; java.util.regex is not). */
    private static final long MATCH_BUDGET = 5_000_000;

    private final String body;
    private final String flags;
    private final Pattern pattern;

    private Re2Pattern(String body, String flags, Pattern pattern) {
        this.body = body;
        this.flags = flags;
        this.pattern = pattern;
    }

    /** A compiled pattern, or why the text is not a valid RE2 pattern. */
    public sealed interface Compiled {
        record Valid(Re2Pattern pattern) implements Compiled {
        }

        record Invalid(String reason) implements Compiled {
        }
    }

    /** Compiles {@code body} with the literal's {@code flags} (a subset of {@code imsU}). */
    public static Compiled compile(String body, String flags) {
        for (char f : flags.toCharArray()) {
            if ("imsU".indexOf(f) < 0) {
                return new Compiled.Invalid("unknown flag '" + f + "'");
            }
        }
        try {
            String java = new Re2Translator((flags.isEmpty() ? "" : "(?" + flags + ")") + body).translate();
            return new Compiled.Valid(new Re2Pattern(body, flags, Pattern.compile(java, Pattern.UNIX_LINES)));
        } catch (Re2Translator.SyntaxError e) {
            return new Compiled.Invalid(e.getMessage());
        } catch (PatternSyntaxException e) {
            return new Compiled.Invalid(e.getDescription());
        }
    }

    /**
     * Reads a whole string written {@code /body/flags} the way GitLab reads one (a regex in
     * {@code only:refs}, or a variable's value on the right of {@code =~}): {@code \/} means {@code /}.
     * Empty when the string does not have that shape.
     */
    public static Optional<Compiled> fromLiteral(String text) {
        Matcher m = RUBY_SYNTAX.matcher(text.replace("\\/", "/"));
        return m.find() ? Optional.of(compile(m.group(1), m.group(2))) : Optional.empty();
    }

    /** Whether the pattern matches anywhere in {@code text}; false if the match runs out of budget. */
    public boolean find(String text) {
        try {
            return pattern.matcher(new BudgetedText(text, MATCH_BUDGET)).find();
        } catch (BudgetedText.Exhausted e) {
            return false;
        }
    }

    public String body() {
        return body;
    }

    public String flags() {
        return flags;
    }

    /** The java.util.regex form, for tests and debugging. */
    String javaPattern() {
        return pattern.pattern();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Re2Pattern p && p.body.equals(body) && p.flags.equals(flags);
    }

    @Override
    public int hashCode() {
        return body.hashCode() * 31 + flags.hashCode();
    }

    @Override
    public String toString() {
        return "/" + body + "/" + flags;
    }

    /** A string that stops a runaway backtracking match by counting character reads. */
    private record BudgetedText(String text, long[] left) implements CharSequence {

        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super("regular expression match budget exhausted", null, false, false);
            }
        }

        BudgetedText(String text, long budget) {
            this(text, new long[] {budget});
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
