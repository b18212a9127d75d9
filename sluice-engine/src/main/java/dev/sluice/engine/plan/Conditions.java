package dev.sluice.engine.plan;

import dev.sluice.config.VariableExpansion;
import dev.sluice.config.Glob;
import dev.sluice.config.expr.Expression;
import dev.sluice.config.expr.ExpressionParse;
import dev.sluice.config.model.Changes;
import dev.sluice.config.model.Exists;
import dev.sluice.config.model.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the conditions of {@code rules} ({@code if}, {@code changes}, {@code exists}) for one
 * set of variables: a rule matches when all its conditions hold; a rule without any always does.
 */
final class Conditions {

    private final Map<String, String> variables;
    private final TriggerContext context;
    private final RepositoryFacts repository;

    Conditions(Map<String, String> variables, TriggerContext context, RepositoryFacts repository) {
        this.variables = variables;
        this.context = context;
        this.repository = repository;
    }

    Optional<Rule> firstMatch(List<Rule> rules) {
        return rules.stream().filter(this::matches).findFirst();
    }

    boolean matches(Rule rule) {
        return rule.ifExpression().map(this::expression).orElse(true)
                && rule.changes().map(this::changes).orElse(true)
                && rule.exists().map(this::exists).orElse(true);
    }

    /** An expression that cannot be parsed was reported by the compiler; here it is simply false. */
    boolean expression(String text) {
        return Expression.parse(text) instanceof ExpressionParse.Parsed parsed
                && parsed.expression().evaluate(name -> Optional.ofNullable(variables.get(name)));
    }

    /**
     * True when any changed path matches. GitLab: always true when there is no push to compare with
     * (new branches, tags, web, API, schedules) unless {@code compare_to} names a ref.
     */
    boolean changes(Changes changes) {
        Optional<List<String>> changed = changes.compareTo()
                .map(ref -> repository.changedSince(expand(ref)))
                .orElseGet(this::pushChanges);
        if (changed.isEmpty()) {
            return true;
        }
        return changes.paths().stream().map(p -> Glob.fnmatch(expand(p)))
                .anyMatch(glob -> changed.get().stream().anyMatch(glob::matches));
    }

    private Optional<List<String>> pushChanges() {
        if (context.isMergeRequest()) {
            return context.changedPaths();
        }
        boolean push = context.source().equals("push") || context.source().equals("external_pull_request_event");
        return push && !context.tag() ? context.changedPaths() : Optional.empty();
    }

    boolean exists(Exists exists) {
        List<String> files = repository.files().list();
        return exists.paths().stream().map(p -> Glob.fnmatch(expand(p)))
                .anyMatch(glob -> files.stream().anyMatch(glob::matches));
    }

    /** {@code $VAR}/{@code ${VAR}} in paths; an unknown variable leaves the text as written. */
    String expand(String text) {
        return VariableExpansion.expandKnown(text, variables);
    }
}
