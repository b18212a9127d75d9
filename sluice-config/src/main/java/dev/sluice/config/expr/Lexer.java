package dev.sluice.config.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an expression into tokens the way GitLab's {@code Expression::Lexer} does: lexemes are
 * tried in a fixed order at each position, whitespace is skipped, and at most 99 tokens are read.
 */
final class Lexer {

    enum Kind { OPEN, CLOSE, VALUE, OPERATOR }

    /** One token; {@code value} is set for VALUE, {@code operator} for OPERATOR. Column is 1-based. */
    record Token(Kind kind, Node value, Operator operator, String text, int column) {
    }

    /** A token that could not be read, with GitLab's reason. */
    static final class LexError extends Exception {
        final int column;

        LexError(String message, int column) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    /** GitLab raises "Too many tokens!" once it has read 100 tokens, even if the text ends there. */
    static final int MAX_TOKENS = 100;

    private static final Pattern INPUT = Pattern.compile("\\$\\[\\[\\s*inputs\\.(\\w+)\\s*]]");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");
    // Ruby's `.` does not match a newline, so neither does a string literal.
    private static final Pattern STRING = Pattern.compile("\"([^\"\\n]*)\"|'([^'\\n]*)'");
    // GitLab's Pattern lexeme: at least two characters between the slashes, the last one not a backslash.
    private static final Pattern REGEX = Pattern.compile("/(?:[^/]|\\\\/)+[^\\\\]/[ismU]*");
    private static final Pattern BOOLEAN = Pattern.compile("\\b(?:true|false)\\b");
    private static final Pattern SPACE = Pattern.compile("[ \\t\\r\\n\\f\\x0B]+");

    private final String text;
    private int pos;

    Lexer(String text) {
        this.text = text;
    }

    List<Token> tokens() throws LexError {
        List<Token> tokens = new ArrayList<>();
        for (int n = 0; n < MAX_TOKENS; n++) {
            Matcher space = SPACE.matcher(text).region(pos, text.length());
            if (space.lookingAt()) {
                pos = space.end();
            }
            if (pos >= text.length()) {
                return tokens;
            }
            tokens.add(next());
        }
        throw new LexError("too many tokens (GitLab reads at most " + (MAX_TOKENS - 1) + ")", pos + 1);
    }

    private Token next() throws LexError {
        int column = pos + 1;
        char c = text.charAt(pos);
        if (c == '(' || c == ')') {
            pos++;
            return new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, null, null, String.valueOf(c), column);
        }
        Matcher m;
        if ((m = match(INPUT)) != null) {
            return value(new Node.Input(m.group(1), column), m, column);
        }
        if ((m = match(VARIABLE)) != null) {
            return value(new Node.Variable(m.group(1), column), m, column);
        }
        if ((m = match(STRING)) != null) {
            return value(new Node.StringLiteral(m.group(1) != null ? m.group(1) : m.group(2), column), m, column);
        }
        if ((m = match(REGEX)) != null) {
            return value(regex(m.group(), column), m, column);
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return new Token(Kind.VALUE, new Node.NullLiteral(column), null, "null", column);
        }
        if ((m = match(BOOLEAN)) != null) {
            return value(new Node.BooleanLiteral(m.group().equals("true"), column), m, column);
        }
        for (Operator op : Operator.values()) {
            if (text.startsWith(op.symbol(), pos)) {
                pos += op.symbol().length();
                return new Token(Kind.OPERATOR, null, op, op.symbol(), column);
            }
        }
        throw new LexError(unknown(), column);
    }

    private Matcher match(Pattern p) {
        Matcher m = p.matcher(text).region(pos, text.length()).useTransparentBounds(true).useAnchoringBounds(false);
        return m.lookingAt() ? m : null;
    }

    private Token value(Node node, Matcher m, int column) {
        pos = m.end();
        return new Token(Kind.VALUE, node, null, m.group(), column);
    }

    private static Node regex(String literal, int column) throws LexError {
        // GitLab unescapes \/ before compiling (Lexeme::Pattern).
        String unescaped = literal.replace("\\/", "/");
        int close = unescaped.lastIndexOf('/');
        Re2Pattern.Compiled compiled = Re2Pattern.compile(unescaped.substring(1, close), unescaped.substring(close + 1));
        return switch (compiled) {
            case Re2Pattern.Compiled.Valid v -> new Node.RegexLiteral(v.pattern(), column);
            case Re2Pattern.Compiled.Invalid bad ->
                    throw new LexError("invalid regular expression " + literal + ": " + bad.reason(), column);
        };
    }

    private String unknown() {
        String rest = text.substring(pos);
        String word = rest.split("[\\s()]", 2)[0];
        String shown = word.isEmpty() ? rest.substring(0, 1) : word.length() > 20 ? word.substring(0, 20) + "..." : word;
        if (rest.startsWith("${")) {
            return "unexpected '" + shown + "': variables are written $NAME, not ${NAME}";
        }
        if (rest.startsWith("\"") || rest.startsWith("'")) {
            return "unterminated string " + shown;
        }
        if (rest.startsWith("/")) {
            return "unexpected '" + shown + "': a regular expression is /pattern/ with at least two characters"
                    + " between the slashes, and flags among i, m, s, U";
        }
        if (rest.startsWith("$")) {
            return "unexpected '" + shown + "': a variable name is letters, digits and underscores";
        }
        if ("=!&|".indexOf(rest.charAt(0)) >= 0) {
            return "unknown operator '" + shown + "': operators are ==, !=, =~, !~, && and ||";
        }
        return "unexpected '" + shown + "'";
    }
}
