package dev.sluice.config.keywords;

import dev.sluice.config.model.Changes;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YSeq;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code rules:changes} and {@code only/except:changes}: glob paths, or {@code {paths, compare_to}}. */
public final class ChangesKeyword {

    /** GitLab's limit on {@code changes} and {@code exists} patterns. */
    static final int MAX_PATHS = 50;

    private ChangesKeyword() {
    }

    /** Empty for {@code null} (GitLab treats it as not set) and for an invalid value. */
    public static Optional<Changes> read(YNode node, At at) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (node instanceof YSeq) {
            return paths(node, at).map(p -> new Changes(p, Optional.empty()));
        }
        if (!(node instanceof YMap map)) {
            at.wrongType(node, "an array of strings or a hash");
            return Optional.empty();
        }
        at.onlyKeys(map, Set.of("paths", "compare_to"));
        Optional<String> compareTo = map.get("compare_to").flatMap(at.child("compare_to")::string);
        if (!at.requireKey(map, "paths")) {
            return Optional.empty();
        }
        return paths(map.get("paths").orElseThrow(), at.child("paths")).map(p -> new Changes(p, compareTo));
    }

    static Optional<List<String>> paths(YNode node, At at) {
        Optional<List<String>> paths = at.strings(node);
        if (paths.isPresent() && paths.get().size() > MAX_PATHS) {
            at.error(node, "too-many", at.path() + " config has too many entries (maximum " + MAX_PATHS + "), found "
                    + paths.get().size());
            return Optional.empty();
        }
        return paths;
    }
}
