package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YNode;
import java.util.Optional;
import java.util.regex.Pattern;

/** A project path ({@code group/project}, {@code group/sub/project}) or a variable standing for one, as GitLab's schema checks it. */
final class ProjectPath {

    private static final Pattern SHAPE = Pattern.compile("\\S/\\S|\\$\\S+");

    private ProjectPath() {
    }

    static Optional<String> read(YNode node, At at) {
        Optional<String> path = at.string(node);
        if (path.isPresent() && !SHAPE.matcher(path.get()).find()) {
            at.error(node, "invalid-value", at.path() + " should be a project path like group/project, found '"
                    + path.get() + "'");
            return Optional.empty();
        }
        return path;
    }

    /** A file path given to include: it must name a YAML file. */
    static Optional<String> yamlFile(YNode node, At at) {
        Optional<String> file = at.string(node);
        // With variables the extension is only known once they are expanded, when the file is fetched.
        if (file.isPresent() && !file.get().contains("$") && !(file.get().endsWith(".yml") || file.get().endsWith(".yaml"))) {
            at.error(node, "invalid-value", at.path() + " should be a .yml or .yaml file, found '" + file.get() + "'");
            return Optional.empty();
        }
        return file;
    }
}
