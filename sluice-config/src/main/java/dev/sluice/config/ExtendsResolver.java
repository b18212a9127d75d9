package dev.sluice.config;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import dev.sluice.model.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code extends}: a reverse deep merge, closest scope wins. Parents merge in list order
 * (later parents override earlier ones), then the job's own keys override; hashes merge, arrays are
 * replaced. GitLab allows 10 ancestors, and reports unknown, non-hash and circular targets.
 */
final class ExtendsResolver {

    private final YMap root;
    private final Set<String> globalKeys;
    private final Diagnostics diagnostics;
    private final int maxDepth;
    private final boolean reportUnknown;
    private final Map<String, YMap> resolved = new HashMap<>();
    /** Ancestors above each resolved job, so depth is known also for jobs resolved earlier. */
    private final Map<String, Integer> depth = new HashMap<>();
    private final Set<String> failed = new java.util.HashSet<>();

    ExtendsResolver(YMap root, Set<String> globalKeys, Diagnostics diagnostics, int maxDepth, boolean reportUnknown) {
        this.reportUnknown = reportUnknown;
        this.root = root;
        this.globalKeys = globalKeys;
        this.diagnostics = diagnostics;
        this.maxDepth = maxDepth;
    }

    YMap resolve() {
        Map<String, YMap.Entry> out = new LinkedHashMap<>();
        for (YMap.Entry e : root.entries()) {
            if (!globalKeys.contains(e.key()) && e.value() instanceof YMap job && job.has("extends")) {
                YMap merged = resolveJob(e.key(), new LinkedHashSet<>());
                out.put(e.key(), new YMap.Entry(e.key(), e.keyPos(), merged == null ? job : merged));
            } else {
                out.put(e.key(), e);
            }
        }
        return new YMap(out, root.pos());
    }

    /** The job with its ancestors merged in, or null when resolution failed (already reported). */
    private YMap resolveJob(String name, LinkedHashSet<String> chain) {
        YMap done = resolved.get(name);
        if (done != null || failed.contains(name)) {
            return done;
        }
        YMap job = (YMap) root.get(name).orElseThrow();
        if (!chain.add(name)) {
            return null;
        }
        if (chain.size() > maxDepth + 1) { // more ancestors than allowed: stop before the stack grows
            diagnostics.error(job.get("extends").orElseThrow().pos(), "jobs:" + chain.getFirst() + ":extends",
                    "extends-too-deep", "`extends` nesting too deep in `" + chain.getFirst() + "`! (more than "
                            + maxDepth + " ancestors: " + String.join(" -> ", chain) + ")");
            chain.remove(name);
            failed.add(name);
            return null;
        }
        try {
            YMap merged = merge(name, job, chain);
            if (merged == null) {
                failed.add(name);
            } else {
                resolved.put(name, merged);
            }
            return merged;
        } finally {
            chain.remove(name);
        }
    }

    private YMap merge(String name, YMap job, LinkedHashSet<String> chain) {
        YNode extendsNode = job.get("extends").orElseThrow();
        String path = (name.startsWith(".") ? "" : "jobs:") + name + ":extends";
        List<YScalar> parents = parents(extendsNode, path);
        if (parents == null) {
            return null;
        }
        YMap base = YMap.empty(job.pos());
        int ancestors = 0;
        for (YScalar parent : parents) {
            String target = parent.value();
            Optional<YNode> parentNode = root.get(target);
            if ((parentNode.isEmpty() || globalKeys.contains(target)) && !reportUnknown) {
                continue;
            }
            if (parentNode.isEmpty() || globalKeys.contains(target)) {
                diagnostics.error(parent.pos(), path, "extends-unknown", "unknown key '" + target + "' in `extends` of `"
                        + name + "`" + DidYouMean.hint(target, jobNames()));
                return null;
            }
            if (!(parentNode.get() instanceof YMap parentMap)) {
                diagnostics.error(parent.pos(), path, "extends-invalid", "`extends` of `" + name + "` names `" + target
                        + "`, which is not a hash but " + parentNode.get().typeName());
                return null;
            }
            if (chain.contains(target)) {
                diagnostics.add(Diagnostic.error(parent.pos(), path, "extends-cycle", "circular dependency in `extends`: "
                        + String.join(" -> ", chain) + " -> " + target));
                return null;
            }
            YMap ancestor = parentMap.has("extends") ? resolveJob(target, chain) : parentMap;
            if (ancestor == null) {
                return null;
            }
            ancestors = Math.max(ancestors, 1 + depth.getOrDefault(target, 0));
            base = DeepMerge.merge(base, ancestor.without("extends"));
        }
        if (ancestors > maxDepth) {
            diagnostics.error(extendsNode.pos(), path, "extends-too-deep", "`extends` nesting too deep in `" + name
                    + "`! (" + ancestors + " ancestors, at most " + maxDepth + " are allowed)");
            return null;
        }
        depth.put(name, ancestors);
        return DeepMerge.merge(base, job);
    }

    private List<YScalar> parents(YNode node, String path) {
        List<YScalar> out = new ArrayList<>();
        if (node instanceof YScalar s && s.isString()) {
            out.add(s);
        } else if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && s.isString()) {
                    out.add(s);
                } else {
                    diagnostics.error(item.pos(), path, "invalid-type", path + " config should be a string or an array of strings");
                    return null;
                }
            }
        } else {
            diagnostics.error(node.pos(), path, "invalid-type", path + " config should be a string or an array of strings");
            return null;
        }
        return out;
    }

    private Set<String> jobNames() {
        Set<String> names = new LinkedHashSet<>(root.keys());
        names.removeAll(globalKeys);
        return names;
    }
}
