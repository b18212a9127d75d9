package dev.sluice.config.keywords;

import dev.sluice.config.Diagnostics;
import dev.sluice.config.DidYouMean;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where a keyword is being read: GitLab's location path ({@code jobs:build:cache}) and the
 * diagnostics sink, with the shape checks every keyword needs worded one way.
 */
public record At(String path, Diagnostics diagnostics) {

    public At child(String key) {
        return new At(path.isEmpty() ? key : path + ":" + key, diagnostics);
    }

    public void error(YNode node, String code, String message) {
        diagnostics.error(node.pos(), path, code, message);
    }

    public void warning(YNode node, String code, String message) {
        diagnostics.warning(node.pos(), path, code, message);
    }

    /** "{path} config should be a {what}", the wording GitLab uses for a value of the wrong shape. */
    public void wrongType(YNode node, String what) {
        error(node, "invalid-type", path + " config should be " + what + ", found " + node.typeName());
    }

    public Optional<YMap> map(YNode node) {
        if (node instanceof YMap m) {
            return Optional.of(m);
        }
        wrongType(node, "a hash");
        return Optional.empty();
    }

    /** A string: a number or a boolean is not one. */
    public Optional<String> string(YNode node) {
        if (node instanceof YScalar s && s.isString()) {
            return Optional.of(s.value());
        }
        wrongType(node, "a string");
        return Optional.empty();
    }

    /** A string, or a number taken as its text (GitLab accepts both where it says "alphanumeric"). */
    public Optional<String> alphanumeric(YNode node) {
        if (node instanceof YScalar s && (s.isString() || s.isInteger() || s.kind() == YScalar.Kind.FLOAT)) {
            return Optional.of(s.value());
        }
        wrongType(node, "a string or a number");
        return Optional.empty();
    }

    public Optional<Boolean> bool(YNode node) {
        if (node instanceof YScalar s && s.isBoolean()) {
            return Optional.of(s.asBoolean());
        }
        wrongType(node, "a boolean value");
        return Optional.empty();
    }

    public Optional<Long> integer(YNode node) {
        if (node instanceof YScalar s && s.isInteger()) {
            try {
                return Optional.of(Long.parseLong(s.value()));
            } catch (NumberFormatException e) {
                error(node, "out-of-range", path + " config is too large a number: " + s.value());
                return Optional.empty();
            }
        }
        wrongType(node, "an integer");
        return Optional.empty();
    }

    /** Reports every key of {@code map} not in {@code allowed}, each at its own position, with a suggestion. */
    public boolean onlyKeys(YMap map, Collection<String> allowed) {
        boolean ok = true;
        for (YMap.Entry entry : map.entries()) {
            if (!allowed.contains(entry.key())) {
                diagnostics.error(entry.keyPos(), path, "unknown-key", path + " config contains unknown key '"
                        + entry.key() + "'" + DidYouMean.hint(entry.key(), allowed));
                ok = false;
            }
        }
        return ok;
    }

    public boolean requireKey(YMap map, String key) {
        if (map.has(key)) {
            return true;
        }
        error(map, "missing-key", path + " config missing required key '" + key + "'");
        return false;
    }

    /** One of the given values, with a suggestion when misspelled. */
    public Optional<String> oneOf(YNode node, Collection<String> values) {
        Optional<String> s = node instanceof YScalar sc && !sc.isNull() ? Optional.of(sc.value()) : Optional.empty();
        if (s.isPresent() && values.contains(s.get())) {
            return s;
        }
        error(node, "invalid-value", path + " config should be one of: " + String.join(", ", values)
                + (s.isPresent() ? DidYouMean.hint(s.get(), values) : ", found " + node.typeName()));
        return Optional.empty();
    }

    /** An array of strings, as GitLab's {@code array_of_strings} checks it: a number is not a string. */
    public Optional<List<String>> strings(YNode node) {
        if (!(node instanceof YSeq seq)) {
            wrongType(node, "an array of strings");
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (YNode item : seq.items()) {
            if (item instanceof YScalar s && s.isString()) {
                out.add(s.value());
            } else {
                error(item, "invalid-type", path + " config should be an array of strings, found an item of type "
                        + item.typeName());
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** A string or an array of strings, numbers not taken as strings. */
    public Optional<List<String>> stringOrStrings(YNode node) {
        if (node instanceof YScalar s && s.isString()) {
            return Optional.of(List.of(s.value()));
        }
        if (node instanceof YSeq) {
            return strings(node);
        }
        wrongType(node, "a string or an array of strings");
        return Optional.empty();
    }

    /** An integer or an array of integers, as {@code exit_codes} takes them. */
    public Optional<List<Integer>> integerOrIntegers(YNode node) {
        List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
        List<Integer> out = new ArrayList<>();
        boolean ok = true;
        for (YNode item : items) {
            if (item instanceof YScalar s && s.isInteger() && fitsInt(s.value())) {
                out.add(Integer.parseInt(s.value()));
            } else {
                wrongType(item, "an integer or an array of integers");
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static boolean fitsInt(String digits) {
        try {
            Integer.parseInt(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An integer within {@code min..max}, worded as GitLab's numericality check. */
    public Optional<Integer> integerIn(YNode node, int min, int max) {
        Optional<Long> n = integer(node);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() < min) {
            error(node, "out-of-range", path + " config must be greater than or equal to " + min);
            return Optional.empty();
        }
        if (n.get() > max) {
            error(node, "out-of-range", path + " config must be less than or equal to " + max);
            return Optional.empty();
        }
        return Optional.of(n.get().intValue());
    }

    /** The one key of {@code kinds} that {@code map} uses (an include's local/project/remote...), or an error. */
    public Optional<String> exactlyOneOf(YMap map, List<String> kinds) {
        List<String> used = kinds.stream().filter(map::has).toList();
        if (used.size() == 1) {
            return Optional.of(used.getFirst());
        }
        error(map, "invalid-combination", path + " config should use exactly one of " + String.join(", ", kinds)
                + (map.has("file") && used.isEmpty() ? " ('file' needs 'project')" : ""));
        return Optional.empty();
    }
}
