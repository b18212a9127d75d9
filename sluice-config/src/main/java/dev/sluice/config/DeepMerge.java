package dev.sluice.config;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitLab's deep merge, used by {@code include} and {@code extends}: when both sides are hashes they
 * merge key by key, recursively; otherwise the later value replaces the earlier one. Arrays are
 * replaced, never concatenated; a {@code null} replaces too (and later reads as "unset").
 */
final class DeepMerge {

    private DeepMerge() {
    }

    static YMap merge(YMap base, YMap over) {
        if (base.isEmpty()) {
            return over;
        }
        Map<String, YMap.Entry> out = new LinkedHashMap<>();
        for (YMap.Entry e : base.entries()) {
            out.put(e.key(), e);
        }
        for (YMap.Entry e : over.entries()) {
            YMap.Entry earlier = out.get(e.key());
            if (earlier != null && earlier.value() instanceof YMap a && e.value() instanceof YMap b) {
                out.put(e.key(), new YMap.Entry(e.key(), e.keyPos(), merge(a, b)));
            } else {
                out.put(e.key(), e);
            }
        }
        return new YMap(out, over.pos());
    }

    static YNode mergeValues(YNode base, YNode over) {
        return base instanceof YMap a && over instanceof YMap b ? merge(a, b) : over;
    }
}
