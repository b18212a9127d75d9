package dev.sluice.config.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code artifacts}. {@code when} is on_success, on_failure or always. {@code reports} maps a report
 * type (junit, dotenv, coverage_report ...) to its file globs; coverage_report's format is kept apart.
 */
public record Artifacts(List<String> paths, List<String> exclude, boolean untracked, When when,
                        Optional<String> expireIn, Optional<String> name, Optional<String> exposeAs,
                        Optional<String> access, Map<String, List<String>> reports,
                        Optional<String> coverageFormat) {

    public Artifacts {
        paths = List.copyOf(paths);
        exclude = List.copyOf(exclude);
        reports = Map.copyOf(reports);
    }
}
