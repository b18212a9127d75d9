package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.AllowFailure;
import dev.sluice.config.model.AutoCancel;
import dev.sluice.config.model.Changes;
import dev.sluice.config.model.Exists;
import dev.sluice.config.model.Rule;
import dev.sluice.config.model.When;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulesKeywordTest {

    private static KeywordFixture<List<Rule>> job(String yaml) {
        return KeywordFixture.read("jobs:build:rules", yaml, (n, at) -> RulesKeyword.read(n, at, RuleScope.JOB));
    }

    private static KeywordFixture<List<Rule>> workflow(String yaml) {
        return KeywordFixture.read("workflow:rules", yaml, (n, at) -> RulesKeyword.read(n, at, RuleScope.WORKFLOW));
    }

    private static KeywordFixture<List<Rule>> include(String yaml) {
        return KeywordFixture.read("include:rules", yaml, (n, at) -> RulesKeyword.read(n, at, RuleScope.INCLUDE));
    }

    @Test
    void rejectsAnEmptyListOfJobRulesAsGitlabDoes() {
        // gitlab.com: "Unable to create pipeline: job:rules config can't be blank" (firecow/gitlab-ci-local#1561)
        var r = job("rules: []\n");
        assertThat(r.messages()).containsExactly("1:8: error[blank]: jobs:build:rules config can't be blank");
        assertThat(r.value).isEmpty();
    }

    @Test
    void readsEveryJobRuleKey() {
        var r = job("""
                rules:
                  - if: $CI_COMMIT_BRANCH == "main"
                    changes: [src/**/*.java]
                    exists: {paths: [pom.xml], project: g/p, ref: main}
                    when: delayed
                    start_in: 30 minutes
                    allow_failure: true
                    variables: {DEPLOY: "yes"}
                    needs: [lint, {job: test, artifacts: false, optional: true}]
                    interruptible: false
                  - when: never
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).hasSize(2);
        Rule first = r.value.getFirst();
        assertThat(first.ifExpression()).hasValue("$CI_COMMIT_BRANCH == \"main\"");
        assertThat(first.changes()).hasValue(new Changes(List.of("src/**/*.java"), Optional.empty()));
        assertThat(first.exists()).hasValue(new Exists(List.of("pom.xml"), Optional.of("g/p"), Optional.of("main")));
        assertThat(first.when()).hasValue(When.DELAYED);
        assertThat(first.startIn()).hasValue("30 minutes");
        assertThat(first.allowFailure()).hasValue(AllowFailure.YES);
        assertThat(first.variables()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("DEPLOY");
            assertThat(v.value()).isEqualTo("yes");
        });
        assertThat(first.needs()).hasValueSatisfying(needs -> assertThat(needs).extracting(n -> n.job() + ":" + n.artifacts()
                + ":" + n.optional()).containsExactly("lint:true:false", "test:false:true"));
        assertThat(first.interruptible()).hasValue(false);
        assertThat(first.pos().line()).isEqualTo(2);
        assertThat(r.value.get(1).when()).hasValue(When.NEVER);
        assertThat(r.value.get(1).ifExpression()).isEmpty();
    }

    @Test
    void changesHashFormAndNeedsEmpty() {
        var r = job("""
                rules:
                  - changes: {paths: [a.txt], compare_to: refs/heads/main}
                    needs: []
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value.getFirst().changes()).hasValue(new Changes(List.of("a.txt"), Optional.of("refs/heads/main")));
        assertThat(r.value.getFirst().needs()).hasValue(List.of());
    }

    @Test
    void nestedArraysFromReferencesAreFlattened() {
        var r = job("""
                rules:
                  - [{if: $A}, [{if: $B}]]
                  - when: always
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).extracting(Rule::ifExpression)
                .containsExactly(Optional.of("$A"), Optional.of("$B"), Optional.empty());
    }

    @Test
    void nestingDeeperThanTenLevelsIsAnError() {
        var r = job("rules: " + "[".repeat(11) + "{when: always}" + "]".repeat(11));
        assertThat(r.messages()).containsExactly(
                "1:18: error[too-deep]: jobs:build:rules config nests arrays of rules more than 10 levels deep");
        assertThat(job("rules: " + "[".repeat(10) + "{when: always}" + "]".repeat(10)).messages()).isEmpty();
    }

    @Test
    void invalidIfIsReportedAtTheValue() {
        var r = job("""
                rules:
                  - if: $BRANCH = "main"
                """);
        assertThat(r.messages()).containsExactly("2:9: error[invalid-expression]: jobs:build:rules:rule:if invalid"
                + " expression syntax in '$BRANCH = \"main\"': unknown operator '=': operators are ==, !=, =~, !~, &&"
                + " and || (column 9)");
    }

    @Test
    void reportsShapeErrors() {
        var r = job("""
                rules:
                  - if:
                  - {}
                  - just a string
                  - if: $A
                    when: sometimes
                    interruptible: 1
                    exists: abc.md
                    changes: {paths: [a], compare_to: {ref: main}}
                    auto_cancel: {on_new_commit: none}
                """);
        assertThat(r.messages()).containsExactly(
                "2:8: error[invalid-type]: jobs:build:rules:rule:if config should be a string, found null",
                "3:5: error[blank]: jobs:build:rules:rule config can't be blank",
                "4:5: error[invalid-type]: jobs:build:rules:rule config should be a hash, found string",
                "10:5: error[unknown-key]: jobs:build:rules:rule config contains unknown key 'auto_cancel'",
                "9:39: error[invalid-type]: jobs:build:rules:rule:changes:compare_to config should be a string, found hash",
                "8:13: error[invalid-type]: jobs:build:rules:rule:exists config should be an array of strings or a hash,"
                        + " found string",
                "6:11: error[invalid-value]: jobs:build:rules:rule:when config should be one of: on_success,"
                        + " on_failure, always, manual, delayed, never",
                "7:20: error[invalid-type]: jobs:build:rules:rule:interruptible config should be a boolean value,"
                        + " found integer");
    }

    @Test
    void startInOnlyWithDelayedAndAtMostAWeek() {
        var r = job("""
                rules:
                  - when: delayed
                  - when: manual
                    start_in: 1 hour
                  - when: delayed
                    start_in: 8 days
                """);
        assertThat(r.messages()).containsExactly(
                "2:5: error[missing-key]: jobs:build:rules:rule config missing required key 'start_in' (needed by"
                        + " when: delayed)",
                "4:15: error[invalid-combination]: jobs:build:rules:rule:start_in may only be used with when: delayed",
                "6:15: error[out-of-range]: jobs:build:rules:rule:start_in should not exceed the limit of 1 week");
    }

    @Test
    void tooManyChangesPatterns() {
        String paths = String.join(", ", java.util.Collections.nCopies(51, "a"));
        var r = job("rules:\n  - changes: [" + paths + "]\n");
        assertThat(r.messages()).containsExactly(
                "2:14: error[too-many]: jobs:build:rules:rule:changes config has too many entries (maximum 50), found 51");
    }

    @Test
    void workflowRulesAllowAlwaysOrNeverAndAutoCancel() {
        var r = workflow("""
                rules:
                  - if: $CI_COMMIT_TAG
                    when: never
                  - if: $CI_PIPELINE_SOURCE == "push"
                    variables: {DEPLOY: "1"}
                    auto_cancel: {on_new_commit: interruptible, on_job_failure: all}
                  - when: on_success
                """);
        assertThat(r.messages()).containsExactly(
                "7:11: error[invalid-value]: workflow:rules:rule:when config should be one of: always, never");
        assertThat(r.value.get(1).autoCancel())
                .hasValue(new AutoCancel(Optional.of("interruptible"), Optional.of("all")));
        assertThat(r.value.get(1).variables()).hasSize(1);
    }

    @Test
    void workflowRulesAcceptButIgnoreJobOnlyKeys() {
        var r = workflow("""
                rules:
                  - if: $A
                    needs: [x]
                    allow_failure: true
                """);
        assertThat(r.messages()).containsExactly(
                "3:12: warning[ignored-key]: workflow:rules:rule:needs has no effect in workflow:rules",
                "4:20: warning[ignored-key]: workflow:rules:rule:allow_failure has no effect in workflow:rules");
        assertThat(r.value.getFirst().needs()).isEmpty();
        assertThat(r.value.getFirst().allowFailure()).isEmpty();
    }

    @Test
    void includeRulesTakeOnlyConditionsAndWhenNeverOrAlways() {
        var r = include("""
                rules:
                  - if: $A
                    exists: [a.yml]
                    changes: [b.yml]
                    when: null
                  - if: $B
                    when: on_success
                    variables: {X: "1"}
                """);
        assertThat(r.messages()).containsExactly(
                "8:5: error[unknown-key]: include:rules:rule config contains unknown key 'variables'",
                "7:11: error[invalid-value]: include:rules:rule:when config should be one of: always, never");
        assertThat(r.value.getFirst().when()).isEmpty();
    }

    @Test
    void nullRulesReadAsNoRules() {
        var r = job("rules: null");
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).isEmpty();
        assertThat(job("rules: {if: $A}").messages())
                .containsExactly("1:8: error[invalid-type]: jobs:build:rules config should be an array of hashes, found hash");
    }
}
