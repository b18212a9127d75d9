package dev.sluice.config.keywords;

import dev.sluice.config.model.AutoCancel;
import dev.sluice.config.model.Rule;
import dev.sluice.config.model.Workflow;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import java.util.List;
import java.util.Optional;

/** {@code workflow}: {@code rules} deciding whether a pipeline is created, {@code name}, {@code auto_cancel}. */
public final class WorkflowKeyword {

    static final int MAX_NAME = 255;

    private WorkflowKeyword() {
    }

    /** {@link Workflow#NONE} for {@code null} and for a value that is not a hash. */
    public static Workflow read(YNode node, At at) {
        if (node.isNull()) {
            return Workflow.NONE;
        }
        Optional<YMap> found = at.map(node);
        if (found.isEmpty()) {
            return Workflow.NONE;
        }
        YMap map = found.get();
        at.onlyKeys(map, List.of("rules", "name", "auto_cancel"));
        Optional<String> name = map.get("name").flatMap(n -> name(n, at.child("name")));
        Optional<List<Rule>> rules = map.get("rules").filter(n -> !n.isNull())
                .map(n -> RulesKeyword.read(n, at.child("rules"), RuleScope.WORKFLOW));
        AutoCancel autoCancel = map.get("auto_cancel").flatMap(n -> readAutoCancel(n, at.child("auto_cancel")))
                .orElse(AutoCancel.UNSET);
        return new Workflow(name, rules, autoCancel);
    }

    private static Optional<String> name(YNode node, At at) {
        Optional<String> name = at.string(node);
        if (name.isPresent() && (name.get().isEmpty() || name.get().length() > MAX_NAME)) {
            at.error(node, "out-of-range", at.path() + " should be 1 to " + MAX_NAME + " characters long, found "
                    + name.get().length());
            return Optional.empty();
        }
        return name;
    }

    /** {@code auto_cancel}, in {@code workflow} and in {@code workflow:rules}. */
    static Optional<AutoCancel> readAutoCancel(YNode node, At at) {
        Optional<YMap> map = at.map(node);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = at.onlyKeys(map.get(), List.of("on_new_commit", "on_job_failure"));
        Optional<String> onNewCommit = map.get().get("on_new_commit")
                .flatMap(n -> at.child("on_new_commit").oneOf(n, List.of("conservative", "interruptible", "none")));
        Optional<String> onJobFailure = map.get().get("on_job_failure")
                .flatMap(n -> at.child("on_job_failure").oneOf(n, List.of("none", "all")));
        ok &= map.get().get("on_new_commit").isEmpty() || onNewCommit.isPresent();
        ok &= map.get().get("on_job_failure").isEmpty() || onJobFailure.isPresent();
        return ok ? Optional.of(new AutoCancel(onNewCommit, onJobFailure)) : Optional.empty();
    }
}
