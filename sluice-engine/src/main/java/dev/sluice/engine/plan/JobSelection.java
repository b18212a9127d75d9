package dev.sluice.engine.plan;

import dev.sluice.config.model.AllowFailure;
import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.model.Policy;
import dev.sluice.config.model.Rule;
import dev.sluice.config.model.When;
import dev.sluice.engine.PlannedJob;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether one job is in the pipeline, and with which effective attributes. With {@code rules} the
 * first matching rule decides (no match or {@code when: never}: left out); otherwise
 * {@code only}/{@code except}, where a job with neither gets {@code only: [branches, tags]} unless
 * the pipeline has {@code workflow:rules}.
 */
final class JobSelection {

    private final JobDefinition job;
    private final Conditions conditions;
    private final Policies policies;
    private final boolean workflowRules;

    JobSelection(JobDefinition job, Conditions conditions, Policies policies, boolean workflowRules) {
        this.job = job;
        this.conditions = conditions;
        this.policies = policies;
        this.workflowRules = workflowRules;
    }

    Optional<PlannedJob> select(Map<String, String> jobVariables) {
        if (job.rules().isPresent()) {
            return conditions.firstMatch(job.rules().get()).flatMap(rule -> byRule(rule, jobVariables));
        }
        Optional<Policy> only = job.only().or(() -> workflowRules ? Optional.empty() : Optional.of(Policy.BRANCHES_AND_TAGS));
        if (only.isPresent() && !policies.only(only.get())) {
            return Optional.empty();
        }
        if (job.except().isPresent() && policies.except(job.except().get())) {
            return Optional.empty();
        }
        return Optional.of(planned(job.when(), defaultAllowFailure(), job.needs(), startIn(job.startIn()),
                job.interruptible().orElse(false), jobVariables));
    }

    private Optional<PlannedJob> byRule(Rule rule, Map<String, String> jobVariables) {
        When when = rule.when().orElse(job.when());
        if (when == When.NEVER) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>(jobVariables);
        rule.variables().forEach(v -> variables.put(v.name(), v.value()));
        // GitLab: the rule's allow_failure if it has one, else the job's own (whose default
        // follows the job-level `when`), so `rules: - when: manual` makes a blocking manual job.
        AllowFailure allowFailure = rule.allowFailure().orElseGet(this::defaultAllowFailure);
        return Optional.of(planned(when, allowFailure, rule.needs().or(job::needs),
                startIn(rule.startIn().or(job::startIn)), rule.interruptible().or(job::interruptible).orElse(false), variables));
    }

    /** Job level: {@code when: manual} without {@code allow_failure} is optional (allowed to fail). */
    private AllowFailure defaultAllowFailure() {
        return job.allowFailure().orElse(job.when() == When.MANUAL ? AllowFailure.YES : AllowFailure.NO);
    }

    private static Optional<Duration> startIn(Optional<String> text) {
        return text.flatMap(dev.sluice.config.keywords.DurationKeyword::parse);
    }

    private PlannedJob planned(When when, AllowFailure allowFailure, Optional<java.util.List<dev.sluice.config.model.Need>> needs,
                               Optional<Duration> startIn, boolean interruptible, Map<String, String> variables) {
        return new PlannedJob(job, when, allowFailure, needs, startIn, interruptible, variables);
    }
}
