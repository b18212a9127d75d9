package dev.sluice.model;

import java.util.List;
import java.util.Objects;

/**
 * A container image for the job or one of its services. The shell executor ignores it.
 *
 * @param aliases    network aliases of a service (empty for the job image)
 * @param entrypoint {@code [""]} overrides the entrypoint to nothing; empty keeps the image's own
 * @param variables  service-only variables
 */
public record ImageSpec(String name, List<String> aliases, List<String> entrypoint, List<String> command,
                        List<String> pullPolicy, List<JobVariable> variables) {

    public ImageSpec {
        Objects.requireNonNull(name);
        aliases = List.copyOf(aliases);
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        pullPolicy = List.copyOf(pullPolicy);
        variables = List.copyOf(variables);
    }

    public static ImageSpec of(String name) {
        return new ImageSpec(name, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
