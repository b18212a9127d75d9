package dev.sluice.engine.plan;

import dev.sluice.config.expr.Re2Pattern;
import dev.sluice.config.model.Policy;
import java.util.Optional;

/**
 * {@code only}/{@code except}: within {@code only} every given key must match; {@code except}
 * excludes a job when any of its keys matches. {@code kubernetes: active} never matches: Sluice
 * has no Kubernetes integration for projects.
 */
final class Policies {

    private final TriggerContext context;
    private final Conditions conditions;
    private final String projectPath;

    Policies(TriggerContext context, Conditions conditions, String projectPath) {
        this.context = context;
        this.conditions = conditions;
        this.projectPath = projectPath;
    }

    boolean only(Policy policy) {
        return (policy.refs().isEmpty() || policy.refs().stream().anyMatch(this::ref))
                && (policy.variables().isEmpty() || policy.variables().stream().anyMatch(conditions::expression))
                && policy.changes().map(c -> changesApply() ? conditions.changes(c) : true).orElse(true)
                && policy.kubernetes().isEmpty();
    }

    boolean except(Policy policy) {
        return policy.refs().stream().anyMatch(this::ref)
                || policy.variables().stream().anyMatch(conditions::expression)
                || policy.changes().map(c -> changesApply() ? conditions.changes(c) : true).orElse(false);
    }

    /** {@code only:changes} only means something for branches and merge requests; elsewhere it is true. */
    private boolean changesApply() {
        return !context.tag() && (context.source().equals("push") || context.isMergeRequest()
                || context.source().equals("external_pull_request_event"));
    }

    private String refName() {
        return context.mergeRequest().map(TriggerContext.MergeRequest::sourceBranch).orElse(context.ref());
    }

    private boolean ref(String pattern) {
        String source = context.source();
        return switch (pattern) {
            case "branches" -> !context.tag() && !context.isMergeRequest();
            case "tags" -> context.tag();
            case "merge_requests" -> source.equals("merge_request_event");
            case "api" -> source.equals("api");
            case "chat" -> source.equals("chat");
            case "external" -> source.equals("external");
            case "external_pull_requests" -> source.equals("external_pull_request_event");
            case "pipelines" -> source.equals("pipeline") || source.equals("parent_pipeline");
            case "pushes" -> source.equals("push");
            case "schedules" -> source.equals("schedule");
            case "triggers" -> source.equals("trigger");
            case "web" -> source.equals("web");
            default -> named(pattern);
        };
    }

    /** {@code name}, {@code /regex/}, optionally prefixed by {@code project/path@}. */
    private boolean named(String pattern) {
        String refPattern = pattern;
        int at = pattern.lastIndexOf('@');
        if (at > 0 && !pattern.startsWith("/")) {
            if (!pattern.substring(0, at).equals(projectPath)) {
                return false;
            }
            refPattern = pattern.substring(at + 1);
        }
        Optional<Re2Pattern.Compiled> regex = refPattern.startsWith("/") ? Re2Pattern.fromLiteral(refPattern) : Optional.empty();
        if (regex.isPresent() && regex.get() instanceof Re2Pattern.Compiled.Valid valid) {
            return valid.pattern().find(refName());
        }
        return refPattern.equals(refName());
    }
}
