package dev.sluice.config;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YReference;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces every {@code !reference [.job, key, ...]} by the value it names in the merged
 * configuration (so it works across included files). A referenced value may hold references itself,
 * up to {@code maxDepth} levels. Nested arrays are left for the keyword that flattens them.
 */
final class ReferenceResolver {

    private final YMap root;
    private final Diagnostics diagnostics;
    private final int maxDepth;
    private final boolean reportMissing;
    /** The references being followed right now, to report a circular chain instead of recursing. */
    private final java.util.Set<List<String>> following = new java.util.HashSet<>();
    /** Shared nodes (YAML aliases) are resolved once. */
    private final Map<YNode, YNode> done = new IdentityHashMap<>();

    ReferenceResolver(YMap root, Diagnostics diagnostics, int maxDepth, boolean reportMissing) {
        this.reportMissing = reportMissing;
        this.root = root;
        this.diagnostics = diagnostics;
        this.maxDepth = maxDepth;
    }

    YMap resolve() {
        return (YMap) resolve(root, 0);
    }

    private YNode resolve(YNode node, int depth) {
        YNode cached = done.get(node);
        if (cached != null) {
            return cached;
        }
        YNode out = switch (node) {
            case YReference ref -> follow(ref, depth);
            case YSeq seq -> {
                List<YNode> items = new ArrayList<>(seq.size());
                boolean changed = false;
                for (YNode item : seq.items()) {
                    YNode r = resolve(item, depth);
                    changed |= r != item;
                    items.add(r);
                }
                yield changed ? new YSeq(items, seq.pos()) : seq;
            }
            case YMap map -> {
                Map<String, YMap.Entry> entries = new LinkedHashMap<>();
                boolean changed = false;
                for (YMap.Entry e : map.entries()) {
                    YNode r = resolve(e.value(), depth);
                    changed |= r != e.value();
                    entries.put(e.key(), r == e.value() ? e : new YMap.Entry(e.key(), e.keyPos(), r));
                }
                yield changed ? new YMap(entries, map.pos()) : map;
            }
            default -> node;
        };
        if (!(node instanceof YReference)) {
            done.put(node, out);
        }
        return out;
    }

    private YNode follow(YReference ref, int depth) {
        if (!following.add(ref.path())) {
            diagnostics.error(ref.pos(), "", "reference-cycle", ref + " is part of a circular chain");
            return dev.sluice.config.yaml.YScalar.nullAt(ref.pos());
        }
        try {
            return followOnce(ref, depth);
        } finally {
            following.remove(ref.path());
        }
    }

    private YNode followOnce(YReference ref, int depth) {
        if (depth >= maxDepth) {
            diagnostics.error(ref.pos(), "", "reference-too-deep", ref + ": references nest more than "
                    + maxDepth + " levels deep");
            return dev.sluice.config.yaml.YScalar.nullAt(ref.pos());
        }
        YNode current = root;
        for (String key : ref.path()) {
            Optional<YNode> next = current instanceof YMap map ? map.get(key) : Optional.empty();
            if (next.isEmpty()) {
                String hint = current instanceof YMap map ? DidYouMean.hint(key, map.keys()) : "";
                if (!reportMissing) {
                    return ref;
                }
                diagnostics.error(ref.pos(), "", "reference-not-found", ref + " could not be found" + hint);
                return dev.sluice.config.yaml.YScalar.nullAt(ref.pos());
            }
            current = next.get();
        }
        return resolve(current, depth + 1);
    }
}
