package dev.sluice.config.expr;

import java.util.Optional;
import java.util.function.Function;

/**
 * A CI/CD variable expression ({@code rules:if}, {@code only:variables}, {@code workflow:rules:if},
 * {@code include:rules:if}), parsed once and evaluated per pipeline. Pure: no I/O, never throws
 * for any input text.
 */
public final class Expression {

    private final String source;
    private final Node root;

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** Parses {@code text} exactly as GitLab does: what GitLab rejects is {@link ExpressionParse.Invalid}. */
    public static ExpressionParse parse(String text) {
        try {
            return new ExpressionParse.Parsed(new Expression(text, Parser.parse(new Lexer(text).tokens())));
        } catch (Lexer.LexError e) {
            return new ExpressionParse.Invalid(e.getMessage(), e.column);
        } catch (Parser.ParseError e) {
            return new ExpressionParse.Invalid(e.getMessage(), e.column);
        }
    }

    /**
     * Whether the expression holds, given the variables' values (empty: the variable is not
     * defined). As in GitLab, the result is the final value's {@code present?}: {@code $VAR} alone
     * holds when VAR is defined and not blank.
     */
    public boolean evaluate(Function<String, Optional<String>> variables) {
        return new Evaluator(variables).evaluate(root).present();
    }

    public String source() {
        return source;
    }

    public Node root() {
        return root;
    }

    @Override
    public String toString() {
        return source;
    }
}
