package dev.sluice.config.yaml;

import dev.sluice.config.Diagnostics;
import dev.sluice.model.SourcePos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds {@link YNode} trees from YAML text with positions, straight from parser events: anchors and
 * aliases (shared, never copied), merge keys with Psych's order, duplicate keys (last wins, with a
 * warning pointing at both), {@code !reference} tags, and the bounds of {@link YamlLimits}.
 */
public final class YamlLoader {

    /** The documents of one file: GitLab reads the first, or the second when the first is a {@code spec:} header. */
    public record Loaded(Optional<YNode> header, Optional<YNode> body) {
    }

    private static final String REFERENCE_TAG = "!reference";

    private final YamlLimits limits;

    public YamlLoader(YamlLimits limits) {
        this.limits = limits;
    }

    public Loaded load(String file, String text, Diagnostics diagnostics) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxBytes()) {
            diagnostics.error(SourcePos.startOf(file), "", "yaml-too-large",
                    "file is " + bytes + " bytes, more than the limit of " + limits.maxBytes() + " bytes");
            return new Loaded(Optional.empty(), Optional.empty());
        }
        var settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(Math.max(limits.maxBytes(), 1) + 16)
                .setMaxAliasesForCollections(Integer.MAX_VALUE)
                .build();
        List<YNode> docs = new ArrayList<>();
        try {
            new Builder(file, diagnostics, docs).run(new Parse(settings).parseString(text));
        } catch (MarkedYamlEngineException e) {
            SourcePos pos = e.getProblemMark().or(e::getContextMark).map(m -> pos(file, m)).orElse(SourcePos.startOf(file));
            String problem = e.getProblem() == null ? "" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            diagnostics.error(pos, "", "yaml-syntax", "invalid YAML: " + context + problem);
            return new Loaded(Optional.empty(), Optional.empty());
        } catch (TooBig e) {
            diagnostics.error(e.pos, "", "yaml-too-complex", e.getMessage());
            return new Loaded(Optional.empty(), Optional.empty());
        } catch (YamlEngineException e) {
            diagnostics.error(SourcePos.startOf(file), "", "yaml-syntax", "invalid YAML: " + e.getMessage());
            return new Loaded(Optional.empty(), Optional.empty());
        }
        if (docs.isEmpty()) {
            return new Loaded(Optional.empty(), Optional.empty());
        }
        if (docs.size() >= 2 && docs.get(0) instanceof YMap first && first.has("spec")) {
            return new Loaded(Optional.of(first), Optional.of(docs.get(1)));
        }
        return new Loaded(Optional.empty(), Optional.of(docs.get(0)));
    }

    static SourcePos pos(String file, Mark mark) {
        return new SourcePos(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static final class TooBig extends RuntimeException {
        final transient SourcePos pos;

        TooBig(SourcePos pos, String message) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }

    /** One open collection while events stream in. */
    private abstract static class Open {
        final SourcePos pos;
        final Optional<String> anchor;

        Open(SourcePos pos, Optional<String> anchor) {
            this.pos = pos;
            this.anchor = anchor;
        }
    }

    private static final class OpenSeq extends Open {
        final List<YNode> items = new ArrayList<>();
        final boolean reference;

        OpenSeq(SourcePos pos, Optional<String> anchor, boolean reference) {
            super(pos, anchor);
            this.reference = reference;
        }
    }

    private static final class OpenMap extends Open {
        final LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
        final Map<String, SourcePos> explicitKeys = new HashMap<>();
        YScalar pendingKey;

        OpenMap(SourcePos pos, Optional<String> anchor) {
            super(pos, anchor);
        }
    }

    private final class Builder {
        private final String file;
        private final Diagnostics diagnostics;
        private final List<YNode> docs;
        private final Map<String, YNode> anchors = new HashMap<>();
        private final Deque<Open> stack = new ArrayDeque<>();
        private final IdentityHashMap<YNode, Long> expandedSizes = new IdentityHashMap<>();

        Builder(String file, Diagnostics diagnostics, List<YNode> docs) {
            this.file = file;
            this.diagnostics = diagnostics;
            this.docs = docs;
        }

        void run(Iterable<Event> events) {
            for (Event event : events) {
                switch (event.getEventId()) {
                    case DocumentStart -> anchors.clear();
                    case Scalar -> scalar((ScalarEvent) event);
                    case Alias -> alias((AliasEvent) event);
                    case SequenceStart -> open(new OpenSeq(pos(event), anchorOf(event),
                            ((CollectionStartEvent) event).getTag().filter(REFERENCE_TAG::equals).isPresent()));
                    case MappingStart -> open(new OpenMap(pos(event), anchorOf(event)));
                    case SequenceEnd, MappingEnd -> close();
                    default -> {
                        // stream and document boundaries, comments: nothing to build
                    }
                }
            }
        }

        private SourcePos pos(Event event) {
            return event.getStartMark().map(m -> YamlLoader.pos(file, m)).orElse(SourcePos.startOf(file));
        }

        private Optional<String> anchorOf(Event event) {
            return ((NodeEvent) event).getAnchor().map(a -> a.getValue());
        }

        private void open(Open collection) {
            if (stack.size() >= limits.maxDepth()) {
                throw new TooBig(collection.pos, "YAML is nested too deeply (more than " + limits.maxDepth() + " levels)");
            }
            stack.push(collection);
        }

        private void close() {
            Open done = stack.pop();
            YNode node = switch (done) {
                case OpenSeq s when s.reference -> reference(s);
                case OpenSeq s -> new YSeq(s.items, s.pos);
                case OpenMap m -> new YMap(m.entries, m.pos);
                default -> throw new IllegalStateException();
            };
            done.anchor.ifPresent(a -> anchors.put(a, node));
            add(node, false);
        }

        private YNode reference(OpenSeq s) {
            List<String> path = new ArrayList<>();
            for (YNode item : s.items) {
                if (item instanceof YScalar sc && !sc.isNull()) {
                    path.add(sc.value());
                } else {
                    diagnostics.error(item.pos(), "", "reference-invalid",
                            "!reference must be a list of strings, found " + item.typeName());
                    return YScalar.nullAt(s.pos);
                }
            }
            if (path.isEmpty()) {
                diagnostics.error(s.pos, "", "reference-invalid", "!reference needs at least one key");
                return YScalar.nullAt(s.pos);
            }
            return new YReference(path, s.pos);
        }

        private void scalar(ScalarEvent e) {
            SourcePos at = pos(e);
            YScalar node = resolve(e, at);
            e.getAnchor().ifPresent(a -> anchors.put(a.getValue(), node));
            add(node, e.getScalarStyle() == ScalarStyle.PLAIN && e.getTag().isEmpty());
        }

        private YScalar resolve(ScalarEvent e, SourcePos at) {
            String tag = e.getTag().orElse("");
            if (!tag.isEmpty() && !tag.equals("!")) {
                return switch (tag) {
                    case "tag:yaml.org,2002:str" -> YScalar.string(e.getValue(), at);
                    case "tag:yaml.org,2002:null" -> YScalar.nullAt(at);
                    default -> PsychScalars.resolve(e.getValue(), at);
                };
            }
            if (e.getScalarStyle() != ScalarStyle.PLAIN || tag.equals("!")) {
                return YScalar.string(e.getValue(), at);
            }
            return PsychScalars.resolve(e.getValue(), at);
        }

        private void alias(AliasEvent e) {
            String name = e.getAlias().getValue();
            YNode target = anchors.get(name);
            if (target == null) {
                throw new TooBig(pos(e), "unknown or recursive alias *" + name);
            }
            checkExpandedSize(target, pos(e));
            add(target, false);
        }

        /** Counts nodes as if every alias were copied, memoised per shared node, so bombs cost nothing to detect. */
        private void checkExpandedSize(YNode node, SourcePos at) {
            long size = expandedSize(node);
            if (size > limits.maxExpandedNodes()) {
                throw new TooBig(at, "YAML expands to more than " + limits.maxExpandedNodes()
                        + " nodes through aliases (an alias bomb?)");
            }
        }

        private long expandedSize(YNode node) {
            Long known = expandedSizes.get(node);
            if (known != null) {
                return known;
            }
            long size = 1;
            if (node instanceof YSeq s) {
                for (YNode item : s.items()) {
                    size = Math.addExact(size, expandedSize(item));
                }
            } else if (node instanceof YMap m) {
                for (YMap.Entry entry : m.entries()) {
                    size = Math.addExact(size, expandedSize(entry.value()));
                }
            }
            size = Math.min(size, Long.MAX_VALUE / 4);
            expandedSizes.put(node, size);
            return size;
        }

        private void add(YNode node, boolean plainKeyCandidate) {
            Open parent = stack.peek();
            switch (parent) {
                case null -> docs.add(node);
                case OpenSeq s -> s.items.add(node);
                case OpenMap m -> {
                    if (m.pendingKey == null) {
                        m.pendingKey = keyOf(node, plainKeyCandidate);
                    } else {
                        put(m, m.pendingKey, node);
                        m.pendingKey = null;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        private YScalar keyOf(YNode node, boolean plain) {
            if (node instanceof YScalar s) {
                // Keys keep their source text: `on:` is the job "on", not the boolean Psych would make of it.
                String text = s.isNull() ? "" : s.value();
                return new YScalar(text, plain && text.equals("<<") ? YScalar.Kind.NULL : YScalar.Kind.STRING, s.pos());
            }
            diagnostics.error(node.pos(), "", "yaml-complex-key", "mapping keys must be scalars, found " + node.typeName());
            return YScalar.string("?", node.pos());
        }

        private void put(OpenMap m, YScalar key, YNode value) {
            if (key.kind() == YScalar.Kind.NULL) { // the merge key <<
                merge(m, value);
                return;
            }
            SourcePos earlier = m.explicitKeys.put(key.value(), key.pos());
            if (earlier != null) {
                diagnostics.warning(key.pos(), "", "duplicate-key", "duplicate key '" + key.value()
                        + "': the value here replaces the one at " + earlier + " (GitLab keeps the last)");
            }
            m.entries.put(key.value(), new YMap.Entry(key.value(), key.pos(), value));
        }

        /** Psych's order: a merge overwrites keys written before it, later keys overwrite merged ones. */
        private void merge(OpenMap m, YNode value) {
            List<YMap> sources = new ArrayList<>();
            if (value instanceof YMap map) {
                sources.add(map);
            } else if (value instanceof YSeq seq && seq.items().stream().allMatch(YMap.class::isInstance)) {
                for (YNode item : seq.items().reversed()) {
                    sources.add((YMap) item);
                }
            } else {
                diagnostics.error(value.pos(), "", "yaml-merge", "merge key << needs a hash or a list of hashes, found "
                        + value.typeName());
                return;
            }
            Map<String, YMap.Entry> merged = new LinkedHashMap<>();
            for (YMap source : sources) {
                for (YMap.Entry entry : source.entries()) {
                    merged.put(entry.key(), entry);
                }
            }
            for (YMap.Entry entry : merged.values()) {
                m.entries.put(entry.key(), entry);
            }
        }
    }
}
