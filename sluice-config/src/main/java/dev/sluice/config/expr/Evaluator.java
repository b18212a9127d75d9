package dev.sluice.config.expr;

import java.util.Optional;
import java.util.function.Function;

/** Evaluates a tree against variable values, with the semantics of GitLab's lexemes. */
final class Evaluator {

    private final Function<String, Optional<String>> variables;

    Evaluator(Function<String, Optional<String>> variables) {
        this.variables = variables;
    }

    Value evaluate(Node node) {
        return switch (node) {
            case Node.Variable v -> variables.apply(v.name()).<Value>map(Value.Text::new).orElse(Value.NIL);
            case Node.StringLiteral s -> new Value.Text(s.value());
            case Node.NullLiteral n -> Value.NIL;
            case Node.Input i -> Value.NIL;
            case Node.BooleanLiteral b -> Value.of(b.value());
            case Node.RegexLiteral r -> new Value.Regex(r.pattern());
            case Node.Binary b -> binary(b);
        };
    }

    private Value binary(Node.Binary b) {
        return switch (b.operator()) {
            case EQUALS -> Value.of(evaluate(b.left()).equals(evaluate(b.right())));
            case NOT_EQUALS -> Value.of(!evaluate(b.left()).equals(evaluate(b.right())));
            case AND -> {
                Value left = evaluate(b.left());
                yield left.truthy() ? evaluate(b.right()) : left;
            }
            case OR -> {
                Value left = evaluate(b.left());
                yield left.truthy() ? left : evaluate(b.right());
            }
            case MATCHES -> matches(b, false);
            case NOT_MATCHES -> matches(b, true);
        };
    }

    /**
     * {@code =~}: a nil or false right side never matches ({@code !~}: always "does not match").
     * A string on the right is read as a regex when it is written {@code /.../} (GitLab 15.1+);
     * any other string is searched for the left side as a substring, as GitLab does.
     */
    private Value matches(Node.Binary b, boolean negated) {
        String text = evaluate(b.left()).text();
        Value right = evaluate(b.right());
        if (!right.truthy()) {
            return Value.of(negated);
        }
        boolean found = switch (right) {
            case Value.Regex r -> r.pattern().find(text);
            case Value.Text t -> Re2Pattern.fromLiteral(t.value())
                    .flatMap(c -> c instanceof Re2Pattern.Compiled.Valid v ? Optional.of(v.pattern()) : Optional.empty())
                    .map(p -> p.find(text))
                    .orElseGet(() -> t.value().contains(text));
            // GitLab fails on a boolean there (it calls gsub on it); the expression is then false.
            case Value.Bool bool -> negated;
            case Value.Nil n -> false;
        };
        return Value.of(found != negated);
    }
}
