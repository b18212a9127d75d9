package dev.sluice.executor.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** gitlab-runner's image pull policies, tried in the order the job (or the runner) lists them. */
enum PullPolicy {
    /** Pull every time; a failed pull fails unless a later policy in the list succeeds. */
    ALWAYS,
    /** Use the local image when present, pull otherwise. */
    IF_NOT_PRESENT,
    /** Use the local image; never contact a registry. */
    NEVER;

    String gitlabName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static PullPolicy parse(String text) {
        for (PullPolicy p : values()) {
            if (p.gitlabName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pull policy \"" + text + "\" (expected always, if-not-present or never)");
    }

    /**
     * The policies to try for an image: the job's own list when it gives one, else the runner's. gitlab-runner
     * refuses a job policy the runner does not allow: "pull_policy ([never]) defined in GitLab pipeline config
     * is not one of the allowed_pull_policies ([always])".
     */
    static List<PullPolicy> resolve(List<String> jobPolicies, List<PullPolicy> runnerPolicies, List<PullPolicy> allowed) {
        if (jobPolicies.isEmpty()) {
            return runnerPolicies;
        }
        var out = new ArrayList<PullPolicy>();
        for (String text : jobPolicies) {
            out.add(parse(text));
        }
        if (!allowed.containsAll(out)) {
            throw new IllegalArgumentException("pull_policy (" + names(out) + ") defined in GitLab pipeline config is not one of the"
                    + " allowed_pull_policies (" + names(allowed) + ")");
        }
        return out;
    }

    static String names(List<PullPolicy> policies) {
        return "[" + String.join(" ", policies.stream().map(PullPolicy::gitlabName).toList()) + "]"; // Go's %v of a slice
    }
}
