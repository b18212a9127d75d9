package dev.sluice.config.expr;

import dev.sluice.config.expr.Lexer.Kind;
import dev.sluice.config.expr.Lexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds the tree with GitLab's algorithm (shunting-yard to reverse Polish notation, then a stack),
 * so exactly the same texts are accepted. That includes oddities: {@code $A $B ==} reads as
 * {@code $A == $B}, and {@code $A ()} as {@code $A}.
 */
final class Parser {

    /** Why the tokens do not form one expression, at the token that shows it. */
    static final class ParseError extends Exception {
        final int column;

        ParseError(String message, int column) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private static final int OPEN_PRECEDENCE = 901;
    private static final int CLOSE_PRECEDENCE = 900;

    private Parser() {
    }

    static Node parse(List<Token> tokens) throws ParseError {
        if (tokens.isEmpty()) {
            throw new ParseError("the expression is empty", 1);
        }
        Deque<Node> results = new ArrayDeque<>();
        Deque<Integer> columns = new ArrayDeque<>();
        for (Token token : reversePolish(tokens)) {
            switch (token.kind()) {
                case VALUE -> {
                    results.push(token.value());
                    columns.push(token.column());
                }
                case OPERATOR -> {
                    Node right = results.poll();
                    Node left = results.poll();
                    columns.poll();
                    if (right == null || left == null) {
                        throw new ParseError("'" + token.text() + "' needs a value on each side",
                                token.column());
                    }
                    results.push(new Node.Binary(token.operator(), left, right));
                }
                case OPEN -> throw new ParseError("'(' is never closed", token.column());
                case CLOSE -> throw new IllegalStateException("')' is never left in the output");
            }
        }
        if (results.size() > 1) {
            throw new ParseError("two values without an operator between them", columns.peek());
        }
        if (results.isEmpty()) {
            throw new ParseError("the expression has no value, only parentheses", tokens.getFirst().column());
        }
        return results.pop();
    }

    private static List<Token> reversePolish(List<Token> tokens) throws ParseError {
        List<Token> output = new ArrayList<>();
        Deque<Token> operators = new ArrayDeque<>();
        for (Token token : tokens) {
            switch (token.kind()) {
                case VALUE -> output.add(token);
                case OPERATOR -> {
                    while (!operators.isEmpty() && token.operator().precedence() >= precedence(operators.peek())) {
                        output.add(operators.pop());
                    }
                    operators.push(token);
                }
                case OPEN -> operators.push(token);
                case CLOSE -> {
                    while (!operators.isEmpty() && CLOSE_PRECEDENCE >= precedence(operators.peek())) {
                        output.add(operators.pop());
                    }
                    if (operators.isEmpty()) {
                        throw new ParseError("')' has no matching '('", token.column());
                    }
                    operators.pop();
                }
            }
        }
        while (!operators.isEmpty()) {
            output.add(operators.pop());
        }
        return output;
    }

    private static int precedence(Token token) {
        return token.kind() == Kind.OPEN ? OPEN_PRECEDENCE : token.operator().precedence();
    }
}
