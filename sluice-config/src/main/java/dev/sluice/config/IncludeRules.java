package dev.sluice.config;

import dev.sluice.config.expr.Expression;
import dev.sluice.config.expr.ExpressionParse;
import dev.sluice.config.model.IncludeEntry;
import dev.sluice.config.model.Rule;
import dev.sluice.config.model.When;
import java.util.Map;
import java.util.Optional;

/**
 * Decides {@code include:rules} and expands variables in include paths, with the variables GitLab
 * allows there (project, pipeline and predefined ref variables; never YAML {@code variables}).
 * {@code changes} counts as true: the compiler has no push to compare with, as in GitLab for new
 * branches, web and API pipelines.
 */
final class IncludeRules {

    private final Map<String, String> variables;
    private final RepositoryFiles files;

    IncludeRules(Map<String, String> variables, RepositoryFiles files) {
        this.variables = variables;
        this.files = files;
    }

    boolean included(IncludeEntry entry) {
        if (entry.rules().isEmpty()) {
            return true;
        }
        for (Rule rule : entry.rules()) {
            if (matches(rule)) {
                return rule.when().orElse(When.ALWAYS) != When.NEVER;
            }
        }
        return false;
    }

    private boolean matches(Rule rule) {
        if (rule.ifExpression().isPresent()
                && !(Expression.parse(rule.ifExpression().get()) instanceof ExpressionParse.Parsed parsed
                     && parsed.expression().evaluate(this::variable))) {
            return false; // an invalid expression was reported when the rule was read
        }
        if (rule.exists().isPresent()) {
            boolean any = rule.exists().get().paths().stream()
                    .map(p -> Glob.fnmatch(expand(p)))
                    .anyMatch(glob -> files.list().stream().anyMatch(glob::matches));
            return any;
        }
        return true;
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** Known variables expanded, unknown ones kept as written. */
    String expand(String text) {
        return VariableExpansion.expandKnown(text, variables);
    }
}
