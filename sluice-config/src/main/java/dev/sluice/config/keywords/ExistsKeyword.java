package dev.sluice.config.keywords;

import dev.sluice.config.model.Exists;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YSeq;
import java.util.Optional;
import java.util.Set;

/** {@code rules:exists}: glob paths, or {@code {paths, project, ref}} ({@code ref} only with {@code project}). */
public final class ExistsKeyword {

    private ExistsKeyword() {
    }

    /** Empty for {@code null} (GitLab treats it as not set) and for an invalid value. */
    public static Optional<Exists> read(YNode node, At at) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (node instanceof YSeq) {
            return ChangesKeyword.paths(node, at).map(p -> new Exists(p, Optional.empty(), Optional.empty()));
        }
        if (!(node instanceof YMap map)) {
            at.wrongType(node, "an array of strings or a hash");
            return Optional.empty();
        }
        boolean ok = at.onlyKeys(map, Set.of("paths", "project", "ref"));
        Optional<String> project = map.get("project").flatMap(at.child("project")::string);
        Optional<String> ref = map.get("ref").flatMap(at.child("ref")::string);
        if (map.has("ref") && !map.has("project")) {
            at.error(map, "missing-key", at.path() + " config uses 'ref' without 'project'");
            ok = false;
        }
        if (!at.requireKey(map, "paths") || !ok) {
            return Optional.empty();
        }
        return ChangesKeyword.paths(map.get("paths").orElseThrow(), at.child("paths"))
                .map(p -> new Exists(p, project, ref));
    }
}
