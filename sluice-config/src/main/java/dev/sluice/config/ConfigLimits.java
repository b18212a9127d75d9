package dev.sluice.config;

import dev.sluice.config.yaml.YamlLimits;

/**
 * GitLab's limits, made configurable because users hit them (e.g. the 50-needs limit,
 * gitlab-org/gitlab#419720). Defaults are GitLab's.
 */
public record ConfigLimits(YamlLimits yaml, int maxIncludes, int maxNeeds, int maxExtendsDepth,
                           int maxReferenceDepth, int maxParallel, int maxJobNameLength, int maxJobs) {

    public static final ConfigLimits GITLAB = new ConfigLimits(YamlLimits.DEFAULT, 150, 50, 10, 10, 200, 255, 10_000);

    public ConfigLimits withMaxNeeds(int max) {
        return new ConfigLimits(yaml, maxIncludes, max, maxExtendsDepth, maxReferenceDepth, maxParallel,
                maxJobNameLength, maxJobs);
    }
}
