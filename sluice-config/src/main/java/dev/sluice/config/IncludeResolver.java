package dev.sluice.config;

import dev.sluice.config.keywords.At;
import dev.sluice.config.keywords.IncludeKeyword;
import dev.sluice.config.model.IncludeEntry;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YamlLoader;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges {@code include}s into one configuration, GitLab's way: included files in order, each
 * nested include merged into its parent file first, later files override earlier ones and the
 * including file wins over all it includes (deep merge, arrays replaced). Counts every inclusion
 * against the limit, refuses cycles, and remembers where each file was included from.
 */
final class IncludeResolver {

    private final CompileRequest request;
    private final Diagnostics diagnostics;
    private final YamlLoader loader;
    private final IncludeRules rules;
    private final Map<String, SourcePos> includedFrom = new HashMap<>();
    private int count;

    IncludeResolver(CompileRequest request, Diagnostics diagnostics) {
        this.request = request;
        this.diagnostics = diagnostics;
        this.loader = new YamlLoader(request.limits().yaml());
        this.rules = new IncludeRules(request.variables(), request.files());
    }

    /** The main file with everything it includes merged in, or empty when its YAML is unusable. */
    Optional<YMap> resolve() {
        Optional<YMap> main = body(request.path(), request.text(), Map.of(), SourcePos.startOf(request.path()));
        return main.map(m -> expand(m, new LinkedHashSet<>(List.of(request.path()))));
    }

    /** Where each included file was first included from, for "included from" notes. */
    Map<String, SourcePos> includedFrom() {
        return includedFrom;
    }

    /** A file's body with its {@code spec:inputs} filled in from {@code inputs} (given where {@code givenAt} says). */
    private Optional<YMap> body(String name, String text, Map<String, YNode> inputs, SourcePos givenAt) {
        YamlLoader.Loaded loaded = loader.load(name, text, diagnostics);
        if (loaded.body().isEmpty()) {
            if (loaded.header().isEmpty() && diagnostics.size() == 0) {
                diagnostics.error(SourcePos.startOf(name), "", "empty-config", name + " is empty");
            }
            return Optional.empty();
        }
        if (loaded.body().get() instanceof YMap map) {
            if (loaded.header().isEmpty() && inputs.isEmpty() && !text.contains("$[[")) {
                return Optional.of(map);
            }
            return InputInterpolation.apply(name, loaded.header(), map, inputs, givenAt, diagnostics, request.variables());
        }
        YNode body = loaded.body().get();
        diagnostics.error(body.pos(), "", "invalid-type", "the configuration should be a hash, found " + body.typeName());
        return Optional.empty();
    }

    private YMap expand(YMap file, LinkedHashSet<String> chain) {
        Optional<YNode> includeNode = file.get("include").filter(n -> !n.isNull());
        if (includeNode.isEmpty()) {
            return file;
        }
        YMap merged = YMap.empty(file.pos());
        for (IncludeEntry entry : IncludeKeyword.read(includeNode.get(), new At("include", diagnostics))) {
            if (!rules.included(entry)) {
                continue;
            }
            for (String location : locations(entry)) {
                Optional<YMap> included = fetch(entry, location, chain);
                if (included.isPresent()) {
                    merged = DeepMerge.merge(merged, included.get());
                }
            }
        }
        return DeepMerge.merge(merged, file.without("include"));
    }

    private List<String> locations(IncludeEntry entry) {
        List<String> out = new ArrayList<>();
        for (String raw : entry.locations()) {
            String location = rules.expand(raw);
            if (!entry.kind().equals("local")) {
                out.add(location);
                continue;
            }
            String path = location.startsWith("/") ? location.substring(1) : location;
            if (!raw.equals(location) && !(path.endsWith(".yml") || path.endsWith(".yaml"))) {
                diagnostics.error(entry.pos(), "include", "invalid-value", "include:local should be a .yml or .yaml file, found '"
                        + location + "' (from '" + raw + "')");
                continue;
            }
            if (!Glob.isPattern(path) || path.contains("$")) { // a variable not known here is no pattern
                out.add(path);
                continue;
            }
            Glob glob = Glob.includeWildcard(path);
            List<String> matches = request.files().list().stream().filter(glob::matches)
                    .filter(p -> p.endsWith(".yml") || p.endsWith(".yaml")).toList();
            if (matches.isEmpty()) {
                diagnostics.error(entry.pos(), "include", "include-not-found", "Local file `" + location
                        + "` does not exist! (no file matches the pattern)");
            }
            out.addAll(matches);
        }
        return out;
    }

    private Optional<YMap> fetch(IncludeEntry entry, String location, LinkedHashSet<String> chain) {
        if (++count > request.limits().maxIncludes()) {
            if (count == request.limits().maxIncludes() + 1) {
                diagnostics.error(entry.pos(), "include", "too-many-includes", "Maximum of "
                        + request.limits().maxIncludes() + " nested includes are allowed!");
            }
            return Optional.empty();
        }
        String name;
        String text;
        if (entry.kind().equals("local")) {
            // GitLab looks the path up in the repository as written: `./x` is no file there
            Optional<String> read = location.startsWith("./") ? Optional.empty() : request.files().read(location);
            if (read.isEmpty()) {
                String hint = location.startsWith("./") && request.files().read(location.substring(2)).isPresent()
                        ? " (paths start at the repository root: write `" + location.substring(2) + "`)"
                        : DidYouMean.hint(location, request.files().list());
                diagnostics.error(entry.pos(), "include", "include-not-found", "Local file `" + location
                        + "` does not exist!" + hint);
                return Optional.empty();
            }
            name = location;
            text = read.get();
        } else {
            var result = new SameProjectComponents(request.files(), request.variables(), request.external()).fetch(new ExternalIncludes.Request(entry.kind(), location, entry.project(), entry.ref()));
            switch (result) {
                case ExternalIncludes.Missing missing -> {
                    diagnostics.error(entry.pos(), "include", "include-unavailable", "include:" + entry.kind() + " `"
                            + location + "` is not available: " + missing.reason());
                    return Optional.empty();
                }
                case ExternalIncludes.Found found -> {
                    name = found.displayName();
                    text = found.text();
                }
            }
        }
        if (chain.contains(name)) {
            diagnostics.error(entry.pos(), "include", "include-cycle", "include cycle: " + String.join(" -> ", chain)
                    + " -> " + name);
            return Optional.empty();
        }
        includedFrom.putIfAbsent(name, entry.pos());
        Map<String, YNode> inputs = new LinkedHashMap<>();
        entry.inputs().forEach((k, v) -> inputs.put(k, new InputValue(v).node(entry.pos())));
        Optional<YMap> body = body(name, text, inputs, entry.pos());
        if (body.isEmpty()) {
            return Optional.empty();
        }
        chain.add(name);
        try {
            return Optional.of(expand(body.get(), chain));
        } finally {
            chain.remove(name);
        }
    }

    /** Adds "included from" notes (the whole chain) to diagnostics that point into included files. */
    List<Diagnostic> annotate(List<Diagnostic> all) {
        List<Diagnostic> out = new ArrayList<>(all.size());
        for (Diagnostic d : all) {
            Diagnostic annotated = d;
            SourcePos from = includedFrom.get(d.pos().file());
            int guard = 0;
            while (from != null && guard++ < 20) {
                annotated = annotated.withRelated(new Diagnostic.Related(from, "included from here"));
                from = includedFrom.get(from.file());
            }
            out.add(annotated);
        }
        return out;
    }
}
