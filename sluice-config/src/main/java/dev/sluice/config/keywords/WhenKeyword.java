package dev.sluice.config.keywords;

import dev.sluice.config.model.When;
import dev.sluice.config.yaml.YNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code when} of a job, a rule or a workflow rule: one of the values the caller allows there. */
public final class WhenKeyword {

    private WhenKeyword() {
    }

    public static Optional<When> read(YNode node, At at, Set<When> allowed) {
        List<String> names = Arrays.stream(When.values()).filter(allowed::contains).map(When::yaml).toList();
        return at.oneOf(node, names).flatMap(When::fromYaml);
    }
}
