package dev.sluice.config.keywords;

import dev.sluice.config.model.AllowFailure;
import dev.sluice.config.model.AutoCancel;
import dev.sluice.config.model.Changes;
import dev.sluice.config.model.Exists;
import dev.sluice.config.model.Need;
import dev.sluice.config.model.Rule;
import dev.sluice.config.model.Variable;
import dev.sluice.config.model.When;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rules} of a job, of {@code workflow} or of an {@code include}. Nested arrays (spliced in by
 * {@code !reference}) are flattened, up to GitLab's 10 levels.
 */
public final class RulesKeyword {

    static final int MAX_NESTING = 10;
    private static final Duration MAX_START_IN = Duration.ofDays(7);
    private static final Map<RuleScope, List<String>> KEYS = Map.of(
            RuleScope.JOB, List.of("if", "changes", "exists", "when", "start_in", "allow_failure", "variables", "needs",
                    "interruptible"),
            RuleScope.WORKFLOW, List.of("if", "changes", "exists", "when", "variables", "auto_cancel", "start_in",
                    "allow_failure", "needs", "interruptible"),
            RuleScope.INCLUDE, List.of("if", "changes", "exists", "when"));
    /** Accepted in {@code workflow:rules} because GitLab reads them with the job rule entry, but without effect there. */
    private static final Set<String> IGNORED_IN_WORKFLOW = Set.of("start_in", "allow_failure", "needs", "interruptible");
    private static final Map<RuleScope, Set<When>> WHEN = Map.of(
            RuleScope.JOB, EnumSet.allOf(When.class),
            RuleScope.WORKFLOW, EnumSet.of(When.ALWAYS, When.NEVER),
            RuleScope.INCLUDE, EnumSet.of(When.NEVER, When.ALWAYS));

    private RulesKeyword() {
    }

    /** The rules in order; {@code null} reads as no rules (the caller treats {@code rules: null} as unset). */
    public static List<Rule> read(YNode node, At at, RuleScope scope) {
        if (node.isNull()) {
            return List.of();
        }
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "an array of hashes");
            return List.of();
        }
        if (scope == RuleScope.JOB && seq.items().isEmpty()) { // GitLab: "jobs:job rules config can't be blank"
            at.error(seq, "blank", at.path() + " config can't be blank");
            return List.of();
        }
        List<YNode> items = new ArrayList<>();
        flatten(seq, 1, at, items);
        List<Rule> rules = new ArrayList<>();
        for (YNode item : items) {
            readRule(item, at.child("rule"), scope).ifPresent(rules::add);
        }
        return rules;
    }

    private static void flatten(YSeq seq, int depth, At at, List<YNode> out) {
        for (YNode item : seq.items()) {
            if (!(item instanceof YSeq nested)) {
                out.add(item);
            } else if (depth >= MAX_NESTING) {
                at.error(item, "too-deep", at.path() + " config nests arrays of rules more than " + MAX_NESTING
                        + " levels deep");
            } else {
                flatten(nested, depth + 1, at, out);
            }
        }
    }

    private static Optional<Rule> readRule(YNode node, At at, RuleScope scope) {
        Optional<YMap> found = at.map(node);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        YMap map = found.get();
        if (map.isEmpty()) {
            at.error(map, "blank", at.path() + " config can't be blank");
            return Optional.empty();
        }
        at.onlyKeys(map, KEYS.get(scope));
        if (scope == RuleScope.WORKFLOW) {
            map.entries().stream().filter(e -> IGNORED_IN_WORKFLOW.contains(e.key())).forEach(e -> at.warning(
                    e.value(), "ignored-key", at.path() + ":" + e.key() + " has no effect in workflow:rules"));
        }
        Optional<String> ifExpression = map.get("if").flatMap(n -> ExpressionCheck.read(n, at.child("if")));
        Optional<Changes> changes = map.get("changes").flatMap(n -> ChangesKeyword.read(n, at.child("changes")));
        Optional<Exists> exists = map.get("exists").flatMap(n -> ExistsKeyword.read(n, at.child("exists")));
        Optional<When> when = map.get("when").filter(n -> !n.isNull())
                .flatMap(n -> WhenKeyword.read(n, at.child("when"), WHEN.get(scope)));
        if (scope == RuleScope.INCLUDE) {
            return Optional.of(new Rule(ifExpression, changes, exists, when, Optional.empty(), Optional.empty(),
                    List.of(), Optional.empty(), Optional.empty(), Optional.empty(), node.pos()));
        }
        List<Variable> variables = map.get("variables")
                .map(n -> VariablesKeyword.read(n, at.child("variables"), false)).orElse(List.of());
        if (scope == RuleScope.WORKFLOW) {
            Optional<AutoCancel> autoCancel = map.get("auto_cancel")
                    .flatMap(n -> WorkflowKeyword.readAutoCancel(n, at.child("auto_cancel")));
            return Optional.of(new Rule(ifExpression, changes, exists, when, Optional.empty(), Optional.empty(),
                    variables, Optional.empty(), Optional.empty(), autoCancel, node.pos()));
        }
        Optional<String> startIn = startIn(map, at, when);
        Optional<AllowFailure> allowFailure = map.get("allow_failure")
                .flatMap(n -> AllowFailureKeyword.read(n, at.child("allow_failure")));
        Optional<List<Need>> needs = map.get("needs").flatMap(n -> NeedsKeyword.readInRule(n, at.child("needs")));
        Optional<Boolean> interruptible = map.get("interruptible").flatMap(at.child("interruptible")::bool);
        return Optional.of(new Rule(ifExpression, changes, exists, when, startIn, allowFailure, variables, needs,
                interruptible, Optional.empty(), node.pos()));
    }

    /** GitLab: {@code start_in} only with {@code when: delayed} in the same rule, and then required, at most a week. */
    private static Optional<String> startIn(YMap map, At at, Optional<When> when) {
        boolean delayed = when.filter(w -> w == When.DELAYED).isPresent();
        Optional<YNode> node = map.get("start_in");
        if (node.isEmpty()) {
            if (delayed) {
                at.error(map, "missing-key", at.path() + " config missing required key 'start_in' (needed by when: delayed)");
            }
            return Optional.empty();
        }
        At startAt = at.child("start_in");
        if (!delayed) {
            at.error(node.get(), "invalid-combination", startAt.path() + " may only be used with when: delayed");
            return Optional.empty();
        }
        Optional<Duration> duration = DurationKeyword.read(node.get(), startAt);
        if (duration.isPresent() && duration.get().compareTo(MAX_START_IN) > 0) {
            at.error(node.get(), "out-of-range", startAt.path() + " should not exceed the limit of 1 week");
            return Optional.empty();
        }
        return duration.map(d -> ((YScalar) node.get()).value());
    }
}
