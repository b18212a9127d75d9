package dev.sluice.config.yaml;

import dev.sluice.model.SourcePos;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A YAML mapping with string keys in document order; each entry keeps the position of its key. */
public final class YMap implements YNode {

    /** One key with its position and value. */
    public record Entry(String key, SourcePos keyPos, YNode value) {
    }

    private final Map<String, Entry> entries;
    private final SourcePos pos;

    public YMap(Map<String, Entry> entries, SourcePos pos) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.pos = pos;
    }

    public static YMap empty(SourcePos pos) {
        return new YMap(Map.of(), pos);
    }

    @Override
    public SourcePos pos() {
        return pos;
    }

    @Override
    public String typeName() {
        return "hash";
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<YNode> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The position of a key, or of the map itself when the key is absent. */
    public SourcePos keyPos(String key) {
        Entry e = entries.get(key);
        return e == null ? pos : e.keyPos();
    }

    /** A copy with one entry added or replaced (keeping its original place when replaced). */
    public YMap with(String key, SourcePos keyPos, YNode value) {
        var copy = new LinkedHashMap<>(entries);
        copy.put(key, new Entry(key, keyPos, value));
        return new YMap(copy, pos);
    }

    public YMap without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        var copy = new LinkedHashMap<>(entries);
        copy.remove(key);
        return new YMap(copy, pos);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YMap m && m.entries.equals(entries) && m.pos.equals(pos);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "YMap" + entries.keySet();
    }
}
