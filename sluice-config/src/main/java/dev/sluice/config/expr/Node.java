package dev.sluice.config.expr;

/** The syntax tree of a CI/CD variable expression. Columns are 1-based, within the expression text. */
public sealed interface Node {

    /** {@code $NAME}: the variable's value, or null when it is not defined. */
    record Variable(String name, int column) implements Node {
    }

    /**
     * {@code $[[ inputs.name ]]} left in an expression. Inputs are interpolated when a file is
     * included, before expressions are parsed; one still here reads as null, as in GitLab.
     */
    record Input(String name, int column) implements Node {
    }

    /** {@code "text"} or {@code 'text'}; there are no escapes, a backslash is just a backslash. */
    record StringLiteral(String value, int column) implements Node {
    }

    /** {@code null}. */
    record NullLiteral(int column) implements Node {
    }

    /** {@code true} or {@code false} (GitLab's lexer knows them; a variable never equals them). */
    record BooleanLiteral(boolean value, int column) implements Node {
    }

    /** {@code /pattern/flags}, already checked to be a valid RE2 pattern. */
    record RegexLiteral(Re2Pattern pattern, int column) implements Node {
    }

    /** {@code left op right}. */
    record Binary(Operator operator, Node left, Node right) implements Node {
    }
}
