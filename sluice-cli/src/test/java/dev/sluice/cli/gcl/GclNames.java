package dev.sluice.cli.gcl;

import java.util.regex.Pattern;

/**
 * gitlab-ci-local's names of parallel jobs against GitLab's (ci-yaml-semantics §17): it writes
 * {@code job: [1/2]} where GitLab writes {@code job 1/2}, and {@code job: [a,b]} where GitLab writes
 * {@code job: [a, b]}. Sluice follows GitLab; the corpus is read through these.
 */
final class GclNames {

    private static final Pattern PARALLEL = Pattern.compile("(.*): \\[(\\d+)/(\\d+)]");
    private static final Pattern MATRIX = Pattern.compile("(.*): \\[(.*)]");

    private GclNames() {
    }

    /** The GitLab (and Sluice) name of a job gitlab-ci-local names {@code gcl}. */
    static String toSluice(String gcl) {
        var p = PARALLEL.matcher(gcl);
        if (p.matches()) {
            return p.group(1) + " " + p.group(2) + "/" + p.group(3);
        }
        var m = MATRIX.matcher(gcl);
        if (m.matches()) {
            return m.group(1) + ": [" + String.join(", ", m.group(2).split(",\\s*", -1)) + "]";
        }
        return gcl;
    }
}
