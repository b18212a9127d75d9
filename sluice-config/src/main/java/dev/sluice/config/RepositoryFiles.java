package dev.sluice.config;

import java.util.List;
import java.util.Optional;

/**
 * The files of the repository at the pipeline's commit, for {@code include:local} and
 * {@code rules:exists}. Paths are relative to the repository root, with {@code /} separators.
 * Implementations live at the edge (a working tree, a git commit); the compiler only reads.
 */
public interface RepositoryFiles {

    /** The text of a file, or empty when it does not exist (or is not a regular file). */
    Optional<String> read(String path);

    /** Every file path in the repository, sorted; used to expand glob patterns. */
    List<String> list();

    /** No files at all: a configuration compiled on its own. */
    RepositoryFiles NONE = new RepositoryFiles() {
        @Override
        public Optional<String> read(String path) {
            return Optional.empty();
        }

        @Override
        public List<String> list() {
            return List.of();
        }
    };
}
