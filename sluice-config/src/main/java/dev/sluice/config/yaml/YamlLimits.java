package dev.sluice.config.yaml;

/**
 * Bounds on what one YAML file may cost, so that hostile input (alias bombs, huge or deeply nested
 * documents) is reported instead of exhausting memory or the stack.
 *
 * @param maxBytes         size of one file's text
 * @param maxDepth         nesting of collections (GitLab: 100)
 * @param maxExpandedNodes nodes after expanding every alias (what a naive loader would build)
 */
public record YamlLimits(int maxBytes, int maxDepth, long maxExpandedNodes) {

    public static final YamlLimits DEFAULT = new YamlLimits(4 * 1024 * 1024, 100, 2_000_000);
}
