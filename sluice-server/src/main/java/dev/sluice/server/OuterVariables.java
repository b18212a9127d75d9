package dev.sluice.server;

import dev.sluice.engine.plan.TriggerContext;
import dev.sluice.model.JobVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The variables a pipeline gets from outside its YAML, lowest precedence first: the project's CI/CD
 * variables, then the pipeline's own (API, trigger). They beat YAML variables ({@code JobSpecs} puts them
 * last). GitLab's rules: a protected variable reaches only pipelines of protected refs; a variable
 * reaches a job whose environment its scope matches, {@code *} matching every job, with or without an
 * environment; when one key matches in several scopes the most specific wins (exact name over pattern
 * over {@code *}).
 */
final class OuterVariables {

    private final ProjectVariables variables;
    private final ProtectedRefs refs;

    OuterVariables(ProjectVariables variables, ProtectedRefs refs) {
        this.variables = variables;
        this.refs = refs;
    }

    boolean isProtected(long projectId, boolean tag, String ref) {
        return refs.isProtected(projectId, tag ? ProtectedRefs.Kind.TAG : ProtectedRefs.Kind.BRANCH, ref);
    }

    /** For planning ({@code rules}, {@code workflow}, {@code include}): the variables of scope {@code *}. */
    List<JobVariable> forPipeline(long projectId, TriggerContext trigger) {
        return forJob(projectId, trigger, Optional.empty());
    }

    /** @param environment the job's expanded environment name, if it has one */
    List<JobVariable> forJob(long projectId, TriggerContext trigger, Optional<String> environment) {
        List<JobVariable> out = new ArrayList<>();
        variables.of(projectId).stream()
                .filter(v -> !v.isProtected() || trigger.protectedRef())
                .filter(v -> v.environmentScope().equals("*")
                        || environment.filter(env -> Wildcard.matches(v.environmentScope(), env)).isPresent())
                .sorted(Comparator.comparingInt(OuterVariables::specificity))
                .forEach(v -> out.add(new JobVariable(v.key(), v.value(), v.masked(), v.isFile(), v.raw())));
        trigger.variables().forEach((k, v) -> out.add(JobVariable.of(k, v)));
        return out;
    }

    private static int specificity(ProjectVariables.Variable v) {
        String scope = v.environmentScope();
        return scope.equals("*") ? 0 : Wildcard.isPattern(scope) ? 1 : 2;
    }
}
