package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code script}, {@code before_script}, {@code after_script}: a string, or an array of strings and
 * nested arrays (from anchors or {@code !reference}) flattened up to 10 levels, as GitLab's Commands entry.
 */
public final class ScriptKeyword {

    static final int MAX_NESTING = 10;

    private ScriptKeyword() {
    }

    /**
     * Reads the commands. {@code script} itself (the last segment of {@code at.path()}) must not be
     * empty; {@code before_script: []} and {@code after_script: ""} are valid (they override a default).
     */
    public static List<String> read(YNode node, At at) {
        boolean required = at.path().equals("script") || at.path().endsWith(":script");
        return read(node, at, required);
    }

    public static List<String> read(YNode node, At at, boolean required) {
        List<String> out = new ArrayList<>();
        if (node instanceof YScalar s && s.isString()) {
            out.add(s.value());
        } else if (node instanceof YSeq seq) {
            if (!flatten(seq, 1, at, out, "a string or a nested array of strings")) {
                return List.of();
            }
        } else {
            at.wrongType(node, "a string or a nested array of strings up to " + MAX_NESTING + " levels deep");
            return List.of();
        }
        if (required && (out.isEmpty() || out.stream().allMatch(String::isEmpty))) {
            at.error(node, "invalid-value", at.path() + " config can't be blank");
            return List.of();
        }
        return out;
    }

    /**
     * Appends the strings of {@code seq} to {@code out}, flattening nested arrays up to {@link #MAX_NESTING}
     * levels and reporting each item that is not a string. Shared with {@code stages}.
     */
    static boolean flatten(YSeq seq, int level, At at, List<String> out, String what) {
        boolean ok = true;
        for (YNode item : seq.items()) {
            if (item instanceof YScalar s && s.isString()) {
                out.add(s.value());
            } else if (item instanceof YSeq inner && level < MAX_NESTING) {
                ok &= flatten(inner, level + 1, at, out, what);
            } else if (item instanceof YSeq) {
                at.error(item, "too-deep", at.path() + " config should be " + what + " up to " + MAX_NESTING
                        + " levels deep, found deeper nesting");
                ok = false;
            } else {
                at.error(item, "invalid-type", at.path() + " config should be " + what + " up to " + MAX_NESTING
                        + " levels deep, found an item of type " + item.typeName());
                ok = false;
            }
        }
        return ok;
    }
}
