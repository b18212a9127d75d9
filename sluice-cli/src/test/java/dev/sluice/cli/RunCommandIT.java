package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice run} end to end: real git repositories, real bash, the command run in-process. */
class RunCommandIT {

    @TempDir
    Path dir;

    @TempDir
    Path outside;

    TestRepo repo;

    @BeforeEach
    void init() {
        repo = TestRepo.init(dir);
    }

    @Test
    void artifactsAndDotenvReachLaterStages() {
        repo.write(".gitlab-ci.yml", """
                stages: [build, test]
                build:
                  stage: build
                  script:
                    - mkdir -p out && echo "built from $CI_COMMIT_SHORT_SHA" > out/app.txt
                    - echo "VERSION=1.2.3" > build.env
                  artifacts:
                    paths: [out/]
                    reports:
                      dotenv: build.env
                test:
                  stage: test
                  script:
                    - cat out/app.txt
                    - echo "version=$VERSION"
                """).commit("first");

        CliRun run = repo.run("--no-color");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("test  > built from ").contains("test  > version=1.2.3")
                .contains("── stage build").contains("── stage test").contains("Pipeline #1 passed");
        assertThat(dir.resolve(".sluice/logs/1/1-build.log")).exists();
        assertThat(repo.git("status", "--porcelain")).as(".sluice/ ignores itself").isEmpty();
    }

    @Test
    void cacheSurvivesFromOneRunToTheNext() {
        repo.write(".gitlab-ci.yml", """
                job:
                  cache:
                    key: deps
                    paths: [deps/]
                  script:
                    - if [ -f deps/stamp ]; then echo "cache hit $(cat deps/stamp)"; else echo "cache miss"; fi
                    - mkdir -p deps && echo "$CI_PIPELINE_ID" > deps/stamp
                """).commit("first");

        CliRun first = repo.run("--no-color");
        CliRun second = repo.run("--no-color");

        assertThat(first.out()).contains("job > cache miss");
        assertThat(second.out()).contains("job > cache hit 1").contains("Pipeline #2 passed");
    }

    @Test
    void afterScriptRunsOnFailureAndTheExitCodeIsKept() throws IOException {
        repo.write(".gitlab-ci.yml", """
                job:
                  script:
                    - echo working
                    - exit 7
                    - echo never
                  after_script:
                    - echo "after with status $CI_JOB_STATUS"
                """).commit("first");

        CliRun run = repo.run("--no-color", "--report", outside.resolve("report.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("job > working").doesNotContain("job > never")
                .contains("job > after with status failed").contains("Pipeline #1 failed");
        JsonNode job = report().get("jobs").get(0);
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("exit_code").asInt()).isEqualTo(7);
        assertThat(job.get("failure_reason").asText()).isEqualTo("script_failure");
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        Path pidFile = outside.resolve("bg.pid");
        repo.write(".gitlab-ci.yml", """
                slow:
                  timeout: 3 seconds
                  script:
                    - sleep 300 & echo $! > "$PID_FILE"
                    - echo started
                    - sleep 300
                """).commit("first");

        CliRun run = repo.run("--no-color", "--variable", "PID_FILE=" + pidFile, "--report", outside.resolve("report.json").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("slow > started").contains("execution took longer than");
        assertThat(report().get("jobs").get(0).get("failure_reason").asText()).isEqualTo("job_execution_timeout");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(dev.sluice.cli.run.Processes.gone(pid)).as("background sleep killed").isTrue();
    }

    @Test
    void retryRunsAFailedJobAgain() {
        Path counter = outside.resolve("attempts");
        repo.write(".gitlab-ci.yml", """
                flaky:
                  retry: 2
                  script:
                    - echo x >> "$COUNTER"
                    - test "$(wc -l < "$COUNTER")" -ge 2
                """).commit("first");

        CliRun run = repo.run("--no-color", "--variable", "COUNTER=" + counter);

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("flaky +flaky? *test +success \\(attempt 2\\)|flaky\\s+test\\s+success \\(attempt 2\\)");
    }

    @Test
    void manualJobsWaitUnlessPlayed() {
        repo.write(".gitlab-ci.yml", """
                build:
                  stage: build
                  script: echo build
                deploy:
                  stage: deploy
                  when: manual
                  script: echo deploying now
                """).commit("first");

        CliRun waiting = repo.run("--no-color");
        CliRun played = repo.run("--no-color", "--manual", "deploy");

        assertThat(waiting.exitCode()).isZero();
        assertThat(waiting.out()).doesNotContain("deploying now").containsPattern("deploy\\s+deploy\\s+manual")
                .contains("Manual jobs waiting: deploy");
        assertThat(played.out()).contains("deploy > deploying now").containsPattern("deploy\\s+deploy\\s+success");
    }

    @Test
    void blockingManualJobLeavesThePipelineBlocked() {
        repo.write(".gitlab-ci.yml", """
                gate:
                  stage: build
                  script: echo gate
                  rules:
                    - when: manual
                after:
                  stage: test
                  script: echo after
                """).commit("first");

        CliRun run = repo.run("--no-color");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Pipeline #1 blocked").doesNotContain("after > after");
    }

    @Test
    void rulesSeeBranchTagAndMergeRequest() {
        repo.write(".gitlab-ci.yml", """
                on_branch:
                  rules: [{if: $CI_COMMIT_BRANCH}]
                  script: echo "branch $CI_COMMIT_BRANCH"
                on_tag:
                  rules: [{if: $CI_COMMIT_TAG}]
                  script: echo "tag $CI_COMMIT_TAG"
                on_mr:
                  rules: [{if: $CI_PIPELINE_SOURCE == "merge_request_event"}]
                  script: echo "mr $CI_MERGE_REQUEST_SOURCE_BRANCH_NAME into $CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
                """).commit("first");
        repo.git("tag", "v1.0");
        repo.git("checkout", "-q", "-b", "feature");

        CliRun branch = repo.run("--no-color");
        CliRun tag = repo.run("--no-color", "--ref", "v1.0");
        CliRun mr = repo.run("--no-color", "--source", "merge_request_event");

        assertThat(branch.out()).contains("on_branch > branch feature").doesNotContain("on_tag >").doesNotContain("on_mr >");
        assertThat(tag.out()).contains("on_tag > tag v1.0").doesNotContain("on_branch >").contains("for tag v1.0");
        assertThat(mr.out()).contains("on_mr > mr feature into main").doesNotContain("on_branch >");
    }

    @Test
    void listShowsThePlannedJobs() {
        repo.write(".gitlab-ci.yml", """
                stages: [build, test]
                build:
                  stage: build
                  script: make
                unit:
                  stage: test
                  needs: [build]
                  allow_failure: true
                  script: make test
                later:
                  stage: test
                  when: manual
                  script: make later
                only_tags:
                  stage: test
                  only: [tags]
                  script: make tag
                """).commit("first");

        CliRun run = repo.run("--list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().map(String::stripTrailing).toList()).containsExactly(
                "JOB    STAGE  WHEN        NEEDS  ALLOW_FAILURE",
                "build  build  on_success         false",
                "unit   test   on_success  build  true",
                "later  test   manual             true");
        assertThat(dir.resolve(".sluice")).doesNotExist();
    }

    @Test
    void dryRunRunsNothing() {
        repo.write(".gitlab-ci.yml", """
                build:
                  script: touch "$MARK"
                deploy:
                  stage: deploy
                  when: manual
                  script: echo deploy
                """).commit("first");

        CliRun run = repo.run("--dry-run", "--variable", "MARK=" + outside.resolve("mark"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Pipeline for branch main (push), nothing runs:")
                .containsPattern("build\\s+test\\s+run").containsPattern("deploy\\s+deploy\\s+wait for a manual play");
        assertThat(outside.resolve("mark")).doesNotExist();
    }

    @Test
    void reportHasThePipelineAndEveryJob() throws IOException {
        repo.write(".gitlab-ci.yml", """
                ok:
                  script: "true"
                warn:
                  allow_failure: true
                  script: exit 3
                manual:
                  when: manual
                  script: "true"
                """).commit("first");

        CliRun run = repo.run("--no-color", "--report", outside.resolve("report.json").toString());

        assertThat(run.exitCode()).isZero();
        JsonNode report = report();
        assertThat(report.get("status").asText()).isEqualTo("success");
        assertThat(report.get("result").asText()).isEqualTo("passed with warnings");
        assertThat(report.get("ref").asText()).isEqualTo("main");
        assertThat(report.get("source").asText()).isEqualTo("push");
        JsonNode jobs = report.get("jobs");
        assertThat(jobs).hasSize(3);
        assertThat(jobs.get(0).get("name").asText()).isEqualTo("ok");
        assertThat(jobs.get(0).get("stage").asText()).isEqualTo("test");
        assertThat(jobs.get(0).get("exit_code").asInt()).isZero();
        assertThat(jobs.get(0).get("duration_seconds").isNumber()).isTrue();
        assertThat(jobs.get(1).get("status").asText()).isEqualTo("failed");
        assertThat(jobs.get(1).get("allow_failure").asBoolean()).isTrue();
        assertThat(jobs.get(1).get("exit_code").asInt()).isEqualTo(3);
        assertThat(jobs.get(2).get("status").asText()).isEqualTo("manual");
        assertThat(jobs.get(2).get("exit_code").isNull()).isTrue();
        assertThat(jobs.get(2).get("duration_seconds").isNull()).isTrue();
    }

    @Test
    void namedJobsRunAloneOrWithWhatTheyNeed() {
        repo.write(".gitlab-ci.yml", """
                stages: [build, test, deploy]
                build:
                  stage: build
                  script: echo building
                lint:
                  stage: test
                  script: echo linting
                test:
                  stage: test
                  needs: [build]
                  script: echo testing
                deploy:
                  stage: deploy
                  when: manual
                  script: echo deploying
                """).commit("first");

        CliRun alone = repo.run("--no-color", "test");
        CliRun withNeeds = repo.run("--no-color", "--needs", "test");
        CliRun manual = repo.run("--no-color", "deploy");
        CliRun unknown = repo.run("--no-color", "nope");

        assertThat(alone.exitCode()).isZero();
        assertThat(alone.out()).contains("test > testing").doesNotContain("building").doesNotContain("linting");
        assertThat(withNeeds.out()).contains("build > building").contains("test  > testing").doesNotContain("linting");
        assertThat(manual.out()).as("naming a manual job plays it").contains("deploy > deploying");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("not in the pipeline for this ref and source: nope");
    }

    @Test
    void needsBringsTheEarlierStagesOfAStageJobAndOnlyTheMatrixInstancesSelected() {
        repo.write(".gitlab-ci.yml", """
                stages: [build, test]
                build:
                  stage: build
                  parallel:
                    matrix:
                      - CLOUD: [aws, gcp]
                  script: echo "building $CLOUD"
                report:
                  stage: test
                  script: echo reporting
                test-aws:
                  stage: test
                  needs: [{job: build, parallel: {matrix: [{CLOUD: aws}]}}]
                  script: echo testing aws
                """).commit("first");

        CliRun stageJob = repo.run("--no-color", "--needs", "report");
        CliRun matrixNeed = repo.run("--no-color", "--needs", "test-aws");

        assertThat(stageJob.out()).as("a job without needs waits for, so needs, every earlier stage")
                .contains("building aws").contains("building gcp").contains("reporting").doesNotContain("testing aws");
        assertThat(matrixNeed.out()).contains("building aws").contains("testing aws").doesNotContain("building gcp");
    }

    @Test
    void invalidConfigurationPrintsDiagnosticsAndExitsOne() {
        repo.write(".gitlab-ci.yml", """
                build:
                  scirpt: make
                """).commit("first");

        CliRun run = repo.run("--no-color");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(".gitlab-ci.yml:2:3: error[").contains("nothing was run");
        assertThat(dir.resolve(".sluice/builds")).doesNotExist();
    }

    @Test
    void maskedVariablesFromTheVariablesFileNeverShow() throws IOException {
        Path secrets = outside.resolve("secrets.env");
        Files.writeString(secrets, "# secrets\nAPI_TOKEN=s3cr3t-t0ken-value\n");
        repo.write(".gitlab-ci.yml", """
                job:
                  script:
                    - echo "token is $API_TOKEN"
                    - test "$API_TOKEN" = s3cr3t-t0ken-value
                """).commit("first");

        CliRun run = repo.run("--no-color", "--variables-file", secrets.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("job > token is [MASKED]").doesNotContain("s3cr3t-t0ken-value");
        assertThat(dir.resolve(".sluice/logs/1/1-job.log")).content().doesNotContain("s3cr3t-t0ken-value");
    }

    @Test
    void untrackedFilesAreCopiedUnlessAskedNot() {
        repo.write(".gitlab-ci.yml", """
                job:
                  script:
                    - if [ -f notes.txt ]; then echo "has notes"; else echo "no notes"; fi
                    - if [ -d .sluice ]; then echo "sees state"; fi
                """).commit("first");
        repo.write("notes.txt", "uncommitted\n");

        CliRun with = repo.run("--no-color");
        CliRun without = repo.run("--no-color", "--no-untracked");

        assertThat(with.out()).contains("job > has notes").doesNotContain("job > sees state");
        assertThat(without.out()).contains("job > no notes");
    }

    @Test
    void childPipelineFromALocalFile() throws IOException {
        repo.write(".gitlab-ci.yml", """
                stages: [build, downstream]
                build:
                  stage: build
                  script: echo parent
                child:
                  stage: downstream
                  variables:
                    GREETING: from the parent
                  trigger:
                    include: ci/child.yml
                    strategy: depend
                """).write("ci/child.yml", """
                inner:
                  script: echo "inner $GREETING via $CI_PIPELINE_SOURCE"
                """).commit("first");

        CliRun run = repo.run("--no-color", "--report", outside.resolve("report.json").toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("child/inner > inner from the parent via parent_pipeline");
        JsonNode trigger = report().get("jobs").get(1);
        assertThat(trigger.get("status").asText()).isEqualTo("success");
        assertThat(trigger.get("downstream").get("jobs").get(0).get("name").asText()).isEqualTo("inner");
    }

    @Test
    void projectComesFromTheOriginRemote() {
        repo.write(".gitlab-ci.yml", """
                job:
                  script: echo "$CI_PROJECT_NAMESPACE/$CI_PROJECT_NAME $CI_SERVER_HOST $CI_COMMIT_TITLE $CI_DEFAULT_BRANCH"
                """).commit("Add the pipeline\n\nWith a body.");

        CliRun run = repo.run("--no-color");

        assertThat(run.out()).contains("job > gcl/test-project gitlab.example.com Add the pipeline main");
    }

    @Test
    void resourceGroupKeepsJobsOfParentAndChildOneAtATime() throws IOException {
        Path lock = outside.resolve("lock");
        repo.write(".gitlab-ci.yml", """
                variables:
                  LOCK: %s
                deploy:
                  resource_group: env
                  script:
                    - mkdir "$LOCK"
                    - sleep 0.5
                    - rmdir "$LOCK"
                child:
                  trigger:
                    include: child.yml
                    strategy: depend
                """.formatted(lock)).write("child.yml", """
                deploy_too:
                  resource_group: env
                  script:
                    - mkdir "$LOCK"
                    - sleep 0.5
                    - rmdir "$LOCK"
                """).commit("first");

        CliRun run = repo.run("--no-color");

        assertThat(run.exitCode()).as("mkdir fails if both hold the lock at once: " + run.out()).isZero();
        assertThat(run.out()).contains("child/deploy_too > Job succeeded").containsPattern("(?m)^deploy +> Job succeeded");
    }

    @Test
    void changesCompareWithTheParentCommitAndTheWorkTree() {
        repo.write(".gitlab-ci.yml", """
                docs:
                  rules: [{changes: [docs/**/*]}]
                  script: echo docs changed
                code:
                  rules: [{changes: [src/**/*]}]
                  script: echo code changed
                """).write("docs/a.md", "a\n").write("src/a.c", "int a;\n").commit("first");
        repo.write("src/a.c", "int b;\n").commit("change the code");

        CliRun committed = repo.run("--no-color", "--list");
        repo.write("docs/a.md", "b\n");
        CliRun uncommitted = repo.run("--no-color", "--list");

        assertThat(committed.out()).contains("code").doesNotContain("docs");
        assertThat(uncommitted.out()).contains("code").contains("docs");
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(outside.resolve("report.json").toFile());
    }
}
