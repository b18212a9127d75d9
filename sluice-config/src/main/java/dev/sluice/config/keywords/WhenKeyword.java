package dev.sluice.config.keywords;

import dev.sluice.config.model.When;
import dev.sluice.config.yaml.YNode;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** {@code when}: one of the values allowed where it is written. */
public final class WhenKeyword {

    private WhenKeyword() {
    }

    public static Optional<When> read(YNode node, At at, Set<When> allowed) {
        var names = Arrays.stream(When.values()).filter(allowed::contains).map(When::yaml).toList();
        return at.oneOf(node, names).flatMap(When::fromYaml);
    }
}
