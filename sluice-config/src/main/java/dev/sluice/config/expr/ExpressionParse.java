package dev.sluice.config.expr;

/** The outcome of {@link Expression#parse}: an expression, or why the text is not one. */
public sealed interface ExpressionParse {

    /** A valid expression. */
    record Parsed(Expression expression) implements ExpressionParse {
    }

    /**
     * Not a valid expression.
     *
     * @param column 1-based column in the expression text where the problem is
     */
    record Invalid(String message, int column) implements ExpressionParse {
    }
}
