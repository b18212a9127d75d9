package dev.sluice.cli.gcl;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/corpus/gitlab-ci-local/} (the team's shared folder beside the repository). */
final class GclCorpus {

    private GclCorpus() {
    }

    static Path find() {
        String configured = System.getProperty("sluice.shared", System.getenv("SLUICE_SHARED"));
        if (configured != null) {
            return check(Path.of(configured).resolve("corpus/gitlab-ci-local"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared"), dir.resolveSibling("shared")}) {
                if (Files.isDirectory(candidate.resolve("corpus/gitlab-ci-local/expected"))) {
                    return candidate.resolve("corpus/gitlab-ci-local");
                }
            }
        }
        throw new AssertionError("shared/corpus/gitlab-ci-local/ was not found beside the repository;"
                + " set -Dsluice.shared=/path/to/shared or SLUICE_SHARED");
    }

    private static Path check(Path corpus) {
        if (!Files.isDirectory(corpus.resolve("expected"))) {
            throw new AssertionError("no recorded runs in " + corpus + " (expected/*.json)");
        }
        return corpus;
    }
}
