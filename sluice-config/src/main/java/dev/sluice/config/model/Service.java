package dev.sluice.config.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entry of {@code services}: a container beside the job, reachable by its alias. */
public record Service(String name, Optional<String> alias, Optional<List<String>> entrypoint,
                      Optional<List<String>> command, Map<String, String> variables, List<String> pullPolicy) {

    public Service {
        variables = Map.copyOf(variables);
        pullPolicy = List.copyOf(pullPolicy);
    }

    public static Service named(String name) {
        return new Service(name, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of());
    }
}
