package dev.sluice.config;

import dev.sluice.config.keywords.AllowFailureKeyword;
import dev.sluice.config.keywords.ArtifactsKeyword;
import dev.sluice.config.keywords.At;
import dev.sluice.config.keywords.CacheKeyword;
import dev.sluice.config.keywords.CoverageKeyword;
import dev.sluice.config.keywords.DurationKeyword;
import dev.sluice.config.keywords.EnvironmentKeyword;
import dev.sluice.config.keywords.ExtraKeywords;
import dev.sluice.config.keywords.ImageKeyword;
import dev.sluice.config.keywords.InheritKeyword;
import dev.sluice.config.keywords.NeedsKeyword;
import dev.sluice.config.keywords.PolicyKeyword;
import dev.sluice.config.keywords.ResourceGroupKeyword;
import dev.sluice.config.keywords.RetryKeyword;
import dev.sluice.config.keywords.RuleScope;
import dev.sluice.config.keywords.RulesKeyword;
import dev.sluice.config.keywords.ScriptKeyword;
import dev.sluice.config.keywords.ServicesKeyword;
import dev.sluice.config.keywords.TagsKeyword;
import dev.sluice.config.keywords.TriggerKeyword;
import dev.sluice.config.keywords.VariablesKeyword;
import dev.sluice.config.keywords.WhenKeyword;
import dev.sluice.config.model.Inherit;
import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.model.ParallelInstance;
import dev.sluice.config.model.Retry;
import dev.sluice.config.model.When;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads one job hash (extends already merged, defaults already applied) into a {@link JobDefinition}:
 * which keys may appear, which combinations are refused, and each keyword through its own reader.
 */
final class JobReader {

    private static final EnumSet<When> JOB_WHEN = EnumSet.of(When.ON_SUCCESS, When.ON_FAILURE, When.ALWAYS,
            When.MANUAL, When.DELAYED);
    private static final EnumSet<When> TRIGGER_WHEN = EnumSet.of(When.ON_SUCCESS, When.ON_FAILURE, When.ALWAYS,
            When.MANUAL);
    private static final Duration WEEK = Duration.ofDays(7);

    /** Readers of the keys {@code default:} (and the deprecated globals) may hold, to check them where written. */
    static final Map<String, BiFunction<YNode, At, ?>> DEFAULT_READERS = Map.ofEntries(
            Map.entry("after_script", ScriptKeyword::read),
            Map.entry("before_script", ScriptKeyword::read),
            Map.entry("artifacts", ArtifactsKeyword::read),
            Map.entry("cache", CacheKeyword::read),
            Map.entry("image", ImageKeyword::read),
            Map.entry("services", ServicesKeyword::read),
            Map.entry("retry", RetryKeyword::read),
            Map.entry("timeout", DurationKeyword::read),
            Map.entry("tags", TagsKeyword::read),
            Map.entry("interruptible", (n, a) -> a.bool(n)),
            Map.entry("hooks", (n, a) -> ExtraKeywords.read("hooks", n, a)),
            Map.entry("id_tokens", (n, a) -> ExtraKeywords.read("id_tokens", n, a)),
            Map.entry("identity", (n, a) -> ExtraKeywords.read("identity", n, a)));

    private final Diagnostics diagnostics;
    private final boolean hasWorkflowRules;
    private final boolean completeJobs;

    /**
     * @param completeJobs whether a job must be complete ({@code script}, {@code run} or
     *                     {@code trigger}); off when checking entries on their own, where the
     *                     script may come from an {@code extends} target that is not there
     */
    JobReader(Diagnostics diagnostics, boolean hasWorkflowRules, boolean completeJobs) {
        this.diagnostics = diagnostics;
        this.hasWorkflowRules = hasWorkflowRules;
        this.completeJobs = completeJobs;
    }

    JobDefinition read(String name, YMap.Entry entry, YMap job, Inherit inherit, Optional<ParallelInstance> parallel) {
        At at = new At("jobs:" + name, diagnostics);
        boolean trigger = job.has("trigger");
        if (!at.onlyKeys(job, Keys.JOB)) {
            // reported; the known keys are still read so every other problem shows too
        } else if (trigger) {
            for (YMap.Entry e : job.entries()) {
                if (!Keys.TRIGGER.contains(e.key())) {
                    diagnostics.error(e.keyPos(), at.path(), "trigger-key", at.path()
                            + " config contains unknown key '" + e.key() + "' (a trigger job cannot use it)");
                }
            }
        }
        if (!job.has("script") && !trigger && !job.has("run") && completeJobs) {
            diagnostics.error(entry.keyPos(), at.path(), "missing-script", "jobs " + name
                    + " config should implement the script:, run:, or trigger: keyword");
        }
        if (job.has("script") && job.has("run")) {
            diagnostics.error(job.keyPos("run"), at.path(), "script-and-run", at.path() + " config can use only one of script: or run:");
        }
        if (job.has("rules")) {
            for (String clash : List.of("only", "except", "start_in")) {
                if (job.has(clash)) {
                    diagnostics.error(job.keyPos(clash), at.path(), "rules-conflict", at.path()
                            + " config key may not be used with `rules`: " + clash);
                }
            }
        }
        Optional<When> when = opt(job, "when", at, (n, a) -> WhenKeyword.read(n, a, trigger ? TRIGGER_WHEN : JOB_WHEN))
                .flatMap(x -> x);
        Optional<Duration> startIn = opt(job, "start_in", at, DurationKeyword::read).flatMap(x -> x);
        checkDelayed(job, at, when, startIn);
        if (job.has("rules") && !hasWorkflowRules) {
            warnLastRuleWhen(name, job);
        }
        String stage = stage(job, at);
        Map<String, Object> extras = extras(job, at);
        return new JobDefinition(
                name,
                entry.keyPos(),
                stage,
                list(job, "before_script", at),
                list(job, "script", at),
                list(job, "after_script", at),
                opt(job, "image", at, ImageKeyword::read).flatMap(x -> x),
                opt(job, "services", at, ServicesKeyword::read).orElse(List.of()),
                opt(job, "variables", at, (n, a) -> VariablesKeyword.read(n, a, false)).orElse(List.of()),
                inherit,
                opt(job, "rules", at, (n, a) -> RulesKeyword.read(n, a, RuleScope.JOB)),
                opt(job, "only", at, PolicyKeyword::read),
                opt(job, "except", at, PolicyKeyword::read),
                when.orElse(When.ON_SUCCESS),
                job.get("start_in").filter(n -> n instanceof YScalar s && s.isString()).map(n -> ((YScalar) n).value()),
                opt(job, "allow_failure", at, AllowFailureKeyword::read).flatMap(x -> x),
                opt(job, "needs", at, NeedsKeyword::read).flatMap(x -> x),
                opt(job, "dependencies", at, (n, a) -> a.strings(n)).flatMap(x -> x),
                opt(job, "artifacts", at, ArtifactsKeyword::read).flatMap(x -> x),
                opt(job, "cache", at, CacheKeyword::read).orElse(List.of()),
                opt(job, "environment", at, EnvironmentKeyword::read).flatMap(x -> x),
                opt(job, "retry", at, RetryKeyword::read).orElse(Retry.NONE),
                opt(job, "timeout", at, DurationKeyword::read).flatMap(x -> x),
                opt(job, "tags", at, TagsKeyword::read).orElse(List.of()),
                opt(job, "resource_group", at, ResourceGroupKeyword::read).flatMap(x -> x),
                opt(job, "interruptible", at, (n, a) -> a.bool(n)).flatMap(x -> x),
                opt(job, "coverage", at, CoverageKeyword::read).flatMap(x -> x),
                opt(job, "trigger", at, TriggerKeyword::read).flatMap(x -> x),
                parallel,
                extras);
    }

    /** Reads {@code key} with {@code reader} when present and not null; null means "unset" in GitLab. */
    static <T> Optional<T> opt(YMap job, String key, At at, BiFunction<YNode, At, T> reader) {
        Optional<YNode> node = job.get(key);
        if (node.isEmpty() || node.get().isNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(reader.apply(node.get(), at.child(key)));
    }

    private static List<String> list(YMap job, String key, At at) {
        return opt(job, key, at, ScriptKeyword::read).orElse(List.of());
    }

    private String stage(YMap job, At at) {
        Optional<YNode> node = job.get("stage").filter(n -> !n.isNull()).or(() -> job.get("type").filter(n -> !n.isNull()));
        if (node.isEmpty()) {
            return "test";
        }
        return at.child("stage").string(node.get()).orElse("test");
    }

    private void checkDelayed(YMap job, At at, Optional<When> when, Optional<Duration> startIn) {
        if (when.orElse(null) == When.DELAYED && !job.has("start_in") && !job.has("rules")) {
            diagnostics.error(job.keyPos("when"), at.path(), "missing-start-in", at.path()
                    + " config start in must be present when `when` is delayed");
        }
        if (job.has("start_in") && when.orElse(null) != When.DELAYED && !job.has("rules")) {
            diagnostics.error(job.keyPos("start_in"), at.path(), "start-in-without-delayed", at.path()
                    + " config start in must be blank when `when` is not delayed");
        }
        startIn.ifPresent(d -> {
            if (d.compareTo(WEEK) > 0 || d.isZero()) {
                diagnostics.error(job.get("start_in").orElseThrow().pos(), at.path() + ":start_in", "out-of-range",
                        at.path() + ":start_in config should be a duration between 1 second and 1 week");
            }
        });
    }

    private void warnLastRuleWhen(String name, YMap job) {
        if (job.get("rules").orElseThrow() instanceof dev.sluice.config.yaml.YSeq rules && rules.size() > 0
                && rules.items().getLast() instanceof YMap last && last.size() == 1
                && last.get("when").orElse(null) instanceof YScalar w && !w.value().equals("never")) {
            diagnostics.warning(last.pos(), "jobs:" + name, "duplicate-pipelines", "jobs:" + name
                    + " may allow multiple pipelines to run for a single action due to `rules:when` clause with no `workflow:rules`");
        }
    }

    private Map<String, Object> extras(YMap job, At at) {
        Map<String, Object> extras = new LinkedHashMap<>();
        for (String key : ExtraKeywords.NAMES) {
            job.get(key).filter(n -> !n.isNull()).ifPresent(node -> {
                ExtraKeywords.read(key, node, at.child(key)).ifPresent(value -> extras.put(key, value));
                if (!key.equals("manual_confirmation")) {
                    diagnostics.warning(job.keyPos(key), at.path(), "not-run", at.path() + ":" + key
                            + " is validated but Sluice does not run it yet");
                }
            });
        }
        return extras;
    }
}
