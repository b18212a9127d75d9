package dev.sluice.config.yaml;

import dev.sluice.model.SourcePos;

/**
 * A scalar, resolved the way Ruby's Psych (GitLab's YAML parser, YAML 1.1) resolves it: {@code yes}
 * and {@code off} are booleans, {@code 012} is the octal integer 10, {@code ~} is null.
 *
 * @param value the canonical text: the integer in decimal, {@code true}/{@code false}, the string as is;
 *              empty for null
 */
public record YScalar(String value, Kind kind, SourcePos pos) implements YNode {

    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public static YScalar string(String value, SourcePos pos) {
        return new YScalar(value, Kind.STRING, pos);
    }

    public static YScalar nullAt(SourcePos pos) {
        return new YScalar("", Kind.NULL, pos);
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    public boolean isInteger() {
        return kind == Kind.INTEGER;
    }

    public boolean asBoolean() {
        return kind == Kind.BOOLEAN && value.equals("true");
    }

    @Override
    public String typeName() {
        return switch (kind) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case FLOAT -> "float";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
        };
    }
}
