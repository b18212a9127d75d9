package dev.sluice.engine.plan;

import dev.sluice.config.VariableExpansion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.CompileRequest;
import dev.sluice.config.PipelineCompiler;
import dev.sluice.config.RepositoryFiles;
import dev.sluice.config.model.When;
import dev.sluice.engine.PlannedJob;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final ProjectInfo PROJECT = new ProjectInfo(7, "team", "app", "main", "http://sluice.local:8080");
    private static final CommitInfo COMMIT = new CommitInfo("0123456789abcdef0123456789abcdef01234567", "Fix it\n\nBody",
            "Ann", "ann@example.com", OffsetDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneOffset.UTC));

    private static PlanResult plan(String yaml, TriggerContext ctx) {
        var compiled = new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", yaml));
        var definition = compiled.pipeline().orElseThrow(() -> new AssertionError(compiled.diagnostics()));
        var predefined = PredefinedVariables.pipeline(PROJECT, COMMIT, ctx, 1, 1, Instant.EPOCH);
        return new Planner().plan(definition, ctx, RepositoryFacts.of(RepositoryFiles.NONE), predefined, ctx.variables(), PROJECT.path());
    }

    private static TriggerContext push(String branch) {
        return TriggerContext.push(branch, COMMIT.sha(), "1111111111111111111111111111111111111111", List.of("src/a.c"));
    }

    private static TriggerContext mergeRequest() {
        return new TriggerContext("feature", false, COMMIT.sha(), TriggerContext.NO_SHA, "merge_request_event",
                Optional.of(List.of("docs/readme.md")), Map.of(), false,
                Optional.of(new TriggerContext.MergeRequest(1, 1, "Feature", "feature", "main", "base", List.of())));
    }

    private static List<String> jobs(PlanResult result) {
        return ((PlanResult.Created) result).jobs().stream().map(j -> j.definition().name()).toList();
    }

    private static PlannedJob job(PlanResult result, String name) {
        return ((PlanResult.Created) result).jobs().stream().filter(j -> j.definition().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theTeamPipelineRunsOnlyTestsOnABranchAndEverythingOnMaster() {
        String yaml = """
                stages: [test, build, deploy]
                test_all:
                  script: test
                build_image:
                  stage: build
                  only: [master]
                  script: build
                deploy_production:
                  stage: deploy
                  only: [master]
                  when: manual
                  script: deploy
                """;
        assertThat(jobs(plan(yaml, push("feature")))).containsExactly("test_all");
        var master = plan(yaml, push("master"));
        assertThat(jobs(master)).containsExactly("test_all", "build_image", "deploy_production");
        assertThat(job(master, "deploy_production").allowFailure().allowed()).isTrue();
    }

    @Test
    void jobsWithoutRulesDoNotRunInMergeRequestPipelines() {
        String yaml = "a:\n  script: x\nb:\n  script: y\n  rules:\n    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"\n";
        assertThat(jobs(plan(yaml, mergeRequest()))).containsExactly("b");
    }

    @Test
    void workflowRulesDropTheImplicitOnlyAndCanPreventThePipeline() {
        String yaml = """
                workflow:
                  rules:
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                    - if: $CI_COMMIT_BRANCH == "main"
                      variables: {DEPLOY: "yes"}
                a:
                  script: x
                """;
        assertThat(jobs(plan(yaml, mergeRequest()))).containsExactly("a");
        assertThat(plan(yaml, push("feature"))).isInstanceOf(PlanResult.NotCreated.class);
        assertThat(((PlanResult.Created) plan(yaml, push("main"))).globalVariables()).containsEntry("DEPLOY", "yes");
    }

    @Test
    void manualFromARuleBlocksButJobLevelManualDoesNot() {
        String yaml = """
                rule-manual:
                  script: x
                  rules:
                    - when: manual
                job-manual:
                  script: y
                  when: manual
                  rules:
                    - if: $CI_COMMIT_BRANCH
                """;
        var result = plan(yaml, push("main"));
        assertThat(job(result, "rule-manual").when()).isEqualTo(When.MANUAL);
        assertThat(job(result, "rule-manual").allowFailure().allowed()).isFalse();
        assertThat(job(result, "job-manual").when()).isEqualTo(When.MANUAL);
        assertThat(job(result, "job-manual").allowFailure().allowed()).isTrue();
    }

    @Test
    void changesAreAlwaysTrueWithoutAPushToCompareWith() {
        String yaml = "docs:\n  script: x\n  rules:\n    - changes: [docs/**/*]\n";
        assertThat(jobs(plan(yaml, mergeRequest()))).containsExactly("docs");
        assertThat(plan(yaml, push("main"))).isInstanceOf(PlanResult.NotCreated.class);
        var newBranch = TriggerContext.push("new", COMMIT.sha(), TriggerContext.NO_SHA, List.of());
        assertThat(jobs(plan(yaml, newBranch))).containsExactly("docs");
    }

    @Test
    void aNeedLeftOutByRulesFailsThePipelineUnlessOptional() {
        String yaml = """
                build:
                  stage: build
                  script: x
                  rules:
                    - if: $CI_COMMIT_BRANCH == "main"
                test:
                  needs: [build]
                  script: y
                lint:
                  needs: [{job: build, optional: true}]
                  script: z
                """;
        assertThat(plan(yaml, push("feature"))).isEqualTo(new PlanResult.Failed(
                List.of("'test' job needs 'build' job, but 'build' is not in any previous stage")));
        var onMain = plan(yaml, push("main"));
        assertThat(job(onMain, "lint").needs().orElseThrow()).hasSize(1);
    }

    @Test
    void onlyPreAndPostJobsCreateNoPipeline() {
        assertThat(plan("a:\n  stage: .pre\n  script: x\n", push("main"))).isInstanceOf(PlanResult.NotCreated.class);
    }

    @Test
    void ruleVariablesOverrideJobVariablesAndTheNameIsExpanded() {
        String yaml = """
                workflow:
                  name: "Pipeline for $CI_COMMIT_REF_NAME"
                a:
                  variables: {MODE: slow}
                  script: x
                  rules:
                    - if: $MODE == "slow"
                      variables: {MODE: fast}
                """;
        var result = (PlanResult.Created) plan(yaml, push("main"));
        assertThat(result.name()).contains("Pipeline for main");
        assertThat(result.jobs().getFirst().variables()).containsEntry("MODE", "fast");
    }

    @Test
    void exceptExcludesOnAnyMatch() {
        String yaml = "a:\n  script: x\n  except:\n    refs: [main]\n    variables: [$NEVER]\nb:\n  script: y\n";
        assertThat(jobs(plan(yaml, push("main")))).containsExactly("b");
    }

    @Test
    void refSlugsAndShortShasFollowGitLab() {
        assertThat(Slugs.ref("Feature/ABC_12--x")).isEqualTo("feature-abc-12-x");
        assertThat(Slugs.ref("-x-")).isEqualTo("x");
        assertThat(Slugs.environment("production")).isEqualTo("production");
        assertThat(Slugs.environment("Review/Feature-ABC")).hasSize(24).startsWith("review-feature-ab");
        var vars = PredefinedVariables.pipeline(PROJECT, COMMIT, push("main"), 1, 1, Instant.EPOCH);
        assertThat(vars).containsEntry("CI_COMMIT_SHORT_SHA", "01234567").containsEntry("CI_COMMIT_TITLE", "Fix it")
                .containsEntry("CI_COMMIT_DESCRIPTION", "Body").containsEntry("CI_PROJECT_PATH_SLUG", "team-app")
                .containsEntry("CI_SERVER_PORT", "8080").containsEntry("CI_COMMIT_BRANCH", "main");
        assertThat(PredefinedVariables.pipeline(PROJECT, COMMIT, mergeRequest(), 1, 1, Instant.EPOCH))
                .doesNotContainKey("CI_COMMIT_BRANCH").containsEntry("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main");
    }

    @Test
    void variableExpansionKeepsUnknownsOrDropsThem() {
        assertThat(VariableExpansion.expandKnown("a/$X/${Y}/$Z", Map.of("X", "1", "Y", "2"))).isEqualTo("a/1/2/$Z");
        assertThat(VariableExpansion.expandAll("a/$X/${Y}/%X%/$Z", Map.of("X", "1", "Y", "2"))).isEqualTo("a/1/2/1/");
    }
}
