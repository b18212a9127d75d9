package dev.sluice.config.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code trigger}: a multi-project pipeline ({@code project}, {@code branch}) or a child pipeline
 * ({@code include}). {@code strategy} is empty, depend or mirror.
 */
public record Trigger(Optional<String> project, Optional<String> branch, List<TriggerInclude> include,
                      Optional<String> strategy, boolean forwardYamlVariables, boolean forwardPipelineVariables) {

    public Trigger {
        include = List.copyOf(include);
    }

    /** One file of a child pipeline: kind is local, template, artifact, project, component or remote. */
    public record TriggerInclude(String kind, String location, Optional<String> job, Optional<String> project,
                                 Optional<String> ref) {
    }
}
