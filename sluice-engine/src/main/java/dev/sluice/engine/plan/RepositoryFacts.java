package dev.sluice.engine.plan;

import dev.sluice.config.RepositoryFiles;
import java.util.List;
import java.util.Optional;

/** What planning may ask of the repository: its files at the pipeline's commit, and diffs for {@code compare_to}. */
public interface RepositoryFacts {

    RepositoryFiles files();

    /** Paths changed between {@code ref} and the pipeline's commit, or empty when {@code ref} is unknown. */
    Optional<List<String>> changedSince(String ref);

    static RepositoryFacts of(RepositoryFiles files) {
        return new RepositoryFacts() {
            @Override
            public RepositoryFiles files() {
                return files;
            }

            @Override
            public Optional<List<String>> changedSince(String ref) {
                return Optional.empty();
            }
        };
    }
}
