package dev.sluice.config.expr;

/**
 * What a part of an expression evaluates to, modelled on the Ruby values GitLab's evaluator
 * passes around: {@code &&} and {@code ||} return one of their operands, not a boolean.
 */
sealed interface Value {

    Value NIL = new Nil();
    Value TRUE = new Bool(true);
    Value FALSE = new Bool(false);

    record Nil() implements Value {
    }

    record Text(String value) implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    record Regex(Re2Pattern pattern) implements Value {
    }

    static Value of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** Ruby truthiness: only nil and false are false; an empty string is true. */
    default boolean truthy() {
        return !(this instanceof Nil) && !(this instanceof Bool b && !b.value());
    }

    /** ActiveSupport's {@code present?}, which decides the whole expression: blank strings are not. */
    default boolean present() {
        return switch (this) {
            case Nil n -> false;
            case Bool b -> b.value();
            case Text t -> !t.value().codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
            case Regex r -> true;
        };
    }

    /** Ruby's {@code to_s}: nil is the empty string. */
    default String text() {
        return switch (this) {
            case Nil n -> "";
            case Bool b -> String.valueOf(b.value());
            case Text t -> t.value();
            case Regex r -> r.pattern().toString();
        };
    }
}
