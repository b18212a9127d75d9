package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YNode;
import java.util.Optional;

/** {@code resource_group}: a name with the environment-name charset; jobs sharing it run one at a time. */
public final class ResourceGroupKeyword {

    private ResourceGroupKeyword() {
    }

    public static Optional<String> read(YNode node, At at) {
        Optional<String> name = at.string(node);
        if (name.isPresent() && (name.get().isEmpty() || !EnvironmentKeyword.validName(name.get()))) {
            at.error(node, "invalid-value", at.path() + " config " + EnvironmentKeyword.NAME_RULE);
            return Optional.empty();
        }
        return name;
    }
}
