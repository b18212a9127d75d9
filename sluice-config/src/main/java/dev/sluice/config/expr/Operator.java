package dev.sluice.config.expr;

/**
 * The binary operators of CI/CD variable expressions. A lower precedence number binds tighter,
 * as in GitLab's lexemes (taken from Ruby's operator table): comparisons, then {@code &&}, then {@code ||}.
 */
public enum Operator {
    EQUALS("==", 10),
    NOT_EQUALS("!=", 10),
    MATCHES("=~", 10),
    NOT_MATCHES("!~", 10),
    AND("&&", 11),
    OR("||", 12);

    private final String symbol;
    private final int precedence;

    Operator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    int precedence() {
        return precedence;
    }
}
