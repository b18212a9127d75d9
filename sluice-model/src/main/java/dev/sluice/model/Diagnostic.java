package dev.sluice.model;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in a configuration.
 *
 * @param pos     where the problem is (primary position)
 * @param path    GitLab's location of the entry, e.g. {@code jobs:build:artifacts}; empty for the root
 * @param code    a stable kebab-case identifier, e.g. {@code unknown-key}
 * @param related other places that explain the problem: where a value was inherited or included from
 */
public record Diagnostic(Severity severity, SourcePos pos, String path, String code, String message,
                         List<Related> related) {

    /** A secondary position with a short note, e.g. "included from .gitlab-ci.yml:3:5". */
    public record Related(SourcePos pos, String note) {
        public Related {
            Objects.requireNonNull(pos);
            Objects.requireNonNull(note);
        }
    }

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(pos);
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
        path = path == null ? "" : path;
        related = List.copyOf(related);
    }

    public static Diagnostic error(SourcePos pos, String path, String code, String message) {
        return new Diagnostic(Severity.ERROR, pos, path, code, message, List.of());
    }

    public static Diagnostic warning(SourcePos pos, String path, String code, String message) {
        return new Diagnostic(Severity.WARNING, pos, path, code, message, List.of());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Diagnostic withRelated(Related extra) {
        if (related.contains(extra)) {
            return this;
        }
        var all = new java.util.ArrayList<>(related);
        all.add(extra);
        return new Diagnostic(severity, pos, path, code, message, all);
    }

    /** {@code file:line:col: error[code]: message}, then one indented line per related position. */
    public String format() {
        var out = new StringBuilder();
        out.append(pos).append(": ").append(severity.label()).append('[').append(code).append("]: ").append(message);
        for (Related r : related) {
            out.append("\n  ").append(r.pos()).append(": note: ").append(r.note());
        }
        return out.toString();
    }
}
