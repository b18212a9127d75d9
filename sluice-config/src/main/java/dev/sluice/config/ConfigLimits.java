package dev.sluice.config;

import dev.sluice.config.yaml.YamlLimits;
import java.util.List;

/**
 * GitLab's limits, made configurable because users hit them (e.g. the 50-needs limit,
 * gitlab-org/gitlab#419720). Defaults are GitLab's; {@code maxNeeds} 0 means unlimited.
 */
public record ConfigLimits(YamlLimits yaml, int maxIncludes, int maxNeeds, int maxExtendsDepth,
                           int maxReferenceDepth, int maxJobNameLength, int maxJobs) {

    public static final ConfigLimits GITLAB = new ConfigLimits(YamlLimits.DEFAULT, 150, 50, 10, 10, 255, 10_000);

    /** The names {@link #with} accepts. */
    public static final List<String> NAMES = List.of("needs", "includes", "extends-depth", "reference-depth",
            "job-name-length", "jobs", "yaml-bytes", "yaml-depth", "yaml-nodes");

    public ConfigLimits withMaxNeeds(int max) {
        return with("needs", max);
    }

    /** A copy with one limit changed; {@code name} is one of {@link #NAMES}. */
    public ConfigLimits with(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("limit " + name + " must not be negative");
        }
        return switch (name) {
            case "needs" -> new ConfigLimits(yaml, maxIncludes, value, maxExtendsDepth, maxReferenceDepth, maxJobNameLength, maxJobs);
            case "includes" -> new ConfigLimits(yaml, value, maxNeeds, maxExtendsDepth, maxReferenceDepth, maxJobNameLength, maxJobs);
            case "extends-depth" -> new ConfigLimits(yaml, maxIncludes, maxNeeds, value, maxReferenceDepth, maxJobNameLength, maxJobs);
            case "reference-depth" -> new ConfigLimits(yaml, maxIncludes, maxNeeds, maxExtendsDepth, value, maxJobNameLength, maxJobs);
            case "job-name-length" -> new ConfigLimits(yaml, maxIncludes, maxNeeds, maxExtendsDepth, maxReferenceDepth, value, maxJobs);
            case "jobs" -> new ConfigLimits(yaml, maxIncludes, maxNeeds, maxExtendsDepth, maxReferenceDepth, maxJobNameLength, value);
            case "yaml-bytes" -> withYaml(new YamlLimits(value, yaml.maxDepth(), yaml.maxExpandedNodes()));
            case "yaml-depth" -> withYaml(new YamlLimits(yaml.maxBytes(), value, yaml.maxExpandedNodes()));
            case "yaml-nodes" -> withYaml(new YamlLimits(yaml.maxBytes(), yaml.maxDepth(), value));
            default -> throw new IllegalArgumentException("unknown limit '" + name + "'" + DidYouMean.hint(name, NAMES)
                    + "; known limits: " + String.join(", ", NAMES));
        };
    }

    private ConfigLimits withYaml(YamlLimits limits) {
        return new ConfigLimits(limits, maxIncludes, maxNeeds, maxExtendsDepth, maxReferenceDepth, maxJobNameLength, maxJobs);
    }
}
