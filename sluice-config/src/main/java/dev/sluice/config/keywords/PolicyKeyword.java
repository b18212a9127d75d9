package dev.sluice.config.keywords;

import dev.sluice.config.expr.Re2Pattern;
import dev.sluice.config.model.Changes;
import dev.sluice.config.model.Policy;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code only} / {@code except} (deprecated, still run): an array of refs, which means
 * {@code {refs: [...]}}, or the hash {@code {refs, variables, changes, kubernetes: active}}.
 */
public final class PolicyKeyword {

    private static final Policy EMPTY = new Policy(List.of(), List.of(), Optional.empty(), Optional.empty());

    private PolicyKeyword() {
    }

    /** An empty policy for {@code null} (the caller treats {@code only: null} as unset) and for an invalid value. */
    public static Policy read(YNode node, At at) {
        if (node.isNull()) {
            return EMPTY;
        }
        if (node instanceof YSeq) {
            return new Policy(refs(node, at), List.of(), Optional.empty(), Optional.empty());
        }
        if (!(node instanceof YMap map)) {
            at.error(node, "invalid-type", at.path() + " has to be either an array of conditions or a hash, found "
                    + node.typeName());
            return EMPTY;
        }
        at.onlyKeys(map, List.of("refs", "variables", "changes", "kubernetes"));
        List<String> refs = map.get("refs").map(n -> refs(n, at.child("refs"))).orElse(List.of());
        List<String> variables = map.get("variables").map(n -> variables(n, at.child("variables"))).orElse(List.of());
        Optional<Changes> changes = map.get("changes").flatMap(n -> ChangesKeyword.read(n, at.child("changes")));
        Optional<String> kubernetes = map.get("kubernetes").flatMap(n -> at.child("kubernetes").oneOf(n, List.of("active")));
        return new Policy(refs, variables, changes, kubernetes);
    }

    /** Ref names, keywords ({@code branches}, {@code tags} ...) and {@code /regex/} patterns, which must be valid RE2. */
    private static List<String> refs(YNode node, At at) {
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "an array of strings");
            return List.of();
        }
        List<String> refs = at.strings(node).orElse(List.of());
        List<String> valid = new ArrayList<>();
        List<YNode> items = seq.items();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            if (Re2Pattern.fromLiteral(ref).orElse(null) instanceof Re2Pattern.Compiled.Invalid bad) {
                at.error(items.get(i), "invalid-regex", at.path() + " config should be an array of strings or regular"
                        + " expressions; " + ref + " is not a valid regular expression: " + bad.reason());
            } else {
                valid.add(ref);
            }
        }
        return valid;
    }

    private static List<String> variables(YNode node, At at) {
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "an array of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            ExpressionCheck.read(item, at).ifPresent(out::add);
        }
        return out;
    }
}
