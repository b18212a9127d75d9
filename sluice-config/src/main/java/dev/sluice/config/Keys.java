package dev.sluice.config;

import java.util.List;
import java.util.Set;

/** The key sets of GitLab's current schema: what may appear at the top, in {@code default:} and in a job. */
final class Keys {

    private Keys() {
    }

    /** Top-level keys that are not jobs (the deprecated globals included). */
    static final Set<String> GLOBAL = Set.of("default", "include", "stages", "variables", "workflow",
            "image", "services", "cache", "before_script", "after_script", "types", "spec");

    /** Deprecated globals that act like the same key under {@code default:}. */
    static final List<String> DEPRECATED_DEFAULTS = List.of("image", "services", "cache", "before_script", "after_script");

    static final List<String> DEFAULT = dev.sluice.config.keywords.InheritKeyword.DEFAULT_KEYS;

    static final Set<String> JOB = Set.of("after_script", "allow_failure", "artifacts", "before_script", "cache",
            "coverage", "dast_configuration", "dependencies", "environment", "except", "extends", "hooks", "id_tokens",
            "identity", "image", "inherit", "inputs", "interruptible", "manual_confirmation", "needs", "only", "pages",
            "parallel", "publish", "release", "resource_group", "retry", "rules", "run", "script", "secrets",
            "services", "stage", "start_in", "tags", "timeout", "trigger", "variables", "when", "type");

    /** Keys a trigger job may use (GitLab: bridge jobs). */
    static final Set<String> TRIGGER = Set.of("allow_failure", "extends", "needs", "only", "except", "rules", "stage",
            "trigger", "variables", "when", "resource_group", "environment", "interruptible", "inherit", "parallel",
            "type", "manual_confirmation", "inputs");
}
