package dev.sluice.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the team's {@code shared/} folder (beside the repository) for tests that use its corpus. */
final class SharedDir {

    private SharedDir() {
    }

    static Path find() {
        String configured = System.getProperty("sluice.shared", System.getenv("SLUICE_SHARED"));
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("corpus"))) {
                return candidate;
            }
            candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("corpus"))) {
                return candidate;
            }
        }
        throw new AssertionError("the team's shared/ folder (with corpus/) was not found beside the repository;"
                + " set -Dsluice.shared=/path/to/shared or SLUICE_SHARED");
    }
}
