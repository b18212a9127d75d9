package dev.sluice.config.model;

import java.util.List;
import java.util.Optional;

/**
 * A compiled {@code .gitlab-ci.yml}: stages in order (always starting with {@code .pre} and ending
 * with {@code .post}), global variables, workflow, and the visible jobs in file order.
 */
public record PipelineDefinition(List<String> stages, List<Variable> variables, Workflow workflow,
                                 List<JobDefinition> jobs) {

    public PipelineDefinition {
        stages = List.copyOf(stages);
        variables = List.copyOf(variables);
        jobs = List.copyOf(jobs);
    }

    public Optional<JobDefinition> job(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
    }
}
