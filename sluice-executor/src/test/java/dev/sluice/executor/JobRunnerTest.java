package dev.sluice.executor;

import dev.sluice.model.ArtifactDownload;
import dev.sluice.model.ArtifactsSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import dev.sluice.model.UploadWhen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The stage order and outcomes of {@link JobRunner}, over {@link FakeExecutor}: no processes. */
class JobRunnerTest {

    @TempDir
    Path root;

    private final FakeExecutor fake = new FakeExecutor();
    private final TraceCapture log = new TraceCapture();

    private JobRunner runner() {
        return new JobRunner(fake, Workspace.local(root, WorkingCopy.existing()), JobRunner.Options.defaults());
    }

    private static JobSpec.Builder job() {
        return JobSpec.builder(7, "build").script("make").afterScript("cleanup");
    }

    @Test
    void aSuccessfulJobRunsScriptThenAfterScriptAndCleansUp() {
        var outcome = runner().run(job().build(), log);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.exitCode()).hasValue(0);
        assertThat(fake.steps()).extracting(ScriptStep::stage).containsExactly(BuildStage.STEP_SCRIPT, BuildStage.AFTER_SCRIPT);
        assertThat(fake.steps().get(1).extraEnv()).containsEntry("CI_JOB_STATUS", "success");
        assertThat(fake.cleanups()).isEqualTo(1);
        assertThat(log.plainText()).containsSubsequence("Preparing the executor", "Getting source", "Restoring cache",
                "Downloading artifacts", "Executing \"step_script\"", "Running after_script", "Job succeeded");
    }

    @Test
    void aFailingScriptFailsTheJobAndAfterScriptSeesFailed() {
        var outcome = runner().run(job().variable("FAKE_EXIT_CODE", "3").build(), log);
        assertThat(outcome.result()).isEqualTo(JobOutcome.Result.FAILED);
        assertThat(outcome.failure()).contains(RunFailure.SCRIPT_FAILURE);
        assertThat(outcome.exitCode()).hasValue(3);
        assertThat(fake.steps().get(1).extraEnv()).containsEntry("CI_JOB_STATUS", "failed");
        assertThat(log.plainText()).contains("ERROR: Job failed: exit code 3");
    }

    @Test
    void afterScriptNeverChangesTheResult() {
        var outcome = runner().run(job().variable("FAKE_AFTER_SCRIPT_EXIT_CODE", "9").build(), log);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(log.plainText()).contains("WARNING: after_script failed, but job will continue unaffected: exit code 9");
    }

    @Test
    void aTimedOutScriptSkipsAfterScript() {
        var outcome = runner().run(job().timeout(Duration.ofMillis(200)).variable("FAKE_SLEEP_MS", "60000").build(), log);
        assertThat(outcome.failure()).contains(RunFailure.JOB_EXECUTION_TIMEOUT);
        assertThat(fake.steps()).extracting(ScriptStep::stage).containsExactly(BuildStage.STEP_SCRIPT);
        assertThat(log.plainText()).contains("after_script not run: the job timed out");
    }

    @Test
    void runnerScriptTimeoutLeavesTimeForAfterScript() {
        var outcome = runner().run(job().variable("FAKE_SLEEP_MS", "60000").variable("RUNNER_SCRIPT_TIMEOUT", "200ms").build(), log);
        assertThat(outcome.failure()).contains(RunFailure.JOB_EXECUTION_TIMEOUT);
        assertThat(fake.steps()).extracting(ScriptStep::stage).containsExactly(BuildStage.STEP_SCRIPT, BuildStage.AFTER_SCRIPT);
        assertThat(fake.steps().get(1).extraEnv()).containsEntry("CI_JOB_STATUS", "failed");
    }

    @Test
    void cancelStopsTheScriptButRunsAfterScript() throws Exception {
        var runner = runner();
        var outcome = CompletableFuture.supplyAsync(() -> runner.run(job().variable("FAKE_SLEEP_MS", "60000").build(), log));
        assertThat(log.await(t -> t.contains("step_script"), Duration.ofSeconds(10))).isTrue();
        runner.cancel();
        var result = outcome.get(10, TimeUnit.SECONDS);
        assertThat(result.result()).isEqualTo(JobOutcome.Result.CANCELED);
        assertThat(fake.steps().get(1).extraEnv()).containsEntry("CI_JOB_STATUS", "canceled");
        assertThat(log.plainText()).contains("ERROR: Job failed: canceled");
    }

    @Test
    void aCancelBeforeTheScriptRunsNoScript() {
        var runner = runner();
        runner.cancel();
        assertThat(runner.run(job().build(), log).result()).isEqualTo(JobOutcome.Result.CANCELED);
        assertThat(fake.steps()).isEmpty();
    }

    @Test
    void abortSkipsAfterScript() throws Exception {
        var runner = runner();
        var outcome = CompletableFuture.supplyAsync(() -> runner.run(job().variable("FAKE_SLEEP_MS", "60000").build(), log));
        assertThat(log.await(t -> t.contains("step_script"), Duration.ofSeconds(10))).isTrue();
        runner.abort();
        assertThat(outcome.get(10, TimeUnit.SECONDS).result()).isEqualTo(JobOutcome.Result.CANCELED);
        assertThat(fake.steps()).hasSize(1);
    }

    @Test
    void aFailingPrepareIsARunnerSystemFailureAndStillCleansUp() {
        var outcome = runner().run(job().variable("FAKE_PREPARE_FAILURE", "no docker").build(), log);
        assertThat(outcome.failure()).contains(RunFailure.RUNNER_SYSTEM_FAILURE);
        assertThat(fake.steps()).isEmpty();
        assertThat(fake.cleanups()).isEqualTo(1);
        assertThat(log.plainText()).contains("no docker");
    }

    @Test
    void anExecutorBugIsARunnerSystemFailure() {
        var outcome = runner().run(job().variable("FAKE_EXIT_CODE", "one").build(), log);
        assertThat(outcome.failure()).contains(RunFailure.RUNNER_SYSTEM_FAILURE);
        assertThat(log.plainText()).contains("FAKE_EXIT_CODE is not a number: 'one'");
        assertThat(fake.cleanups()).isEqualTo(1);
    }

    @Test
    void masksSecretsInTheWholeLog() {
        runner().run(job().variable("FAKE_LOG", "the password is Sup3rS3cret!")
                .variable(JobVariable.of("PASSWORD", "Sup3rS3cret!").asMasked()).build(), log);
        assertThat(log.text()).contains("the password is [MASKED]").doesNotContain("Sup3rS3cret!");
    }

    @Test
    void uploadsArtifactsAndReturnsDotenvVariables() {
        var outcome = runner().run(job().variable("FAKE_FILES", "out/app.bin=binary\nbuild.env=VERSION=1.0")
                .artifacts(ArtifactsSpec.ofPaths("out/").withReport("dotenv", "build.env")).build(), log);
        assertThat(outcome.dotenv()).containsExactly(JobVariable.of("VERSION", "1.0"));
        assertThat(root.resolve("artifacts/7/artifacts.zip")).isRegularFile();
        assertThat(root.resolve("artifacts/7/dotenv.zip")).isRegularFile();
    }

    @Test
    void anInvalidDotenvReportFailsTheJob() {
        var outcome = runner().run(job().variable("FAKE_FILES", "build.env=export X=1")
                .artifacts(ArtifactsSpec.ofPaths().withReport("dotenv", "build.env")).build(), log);
        assertThat(outcome.failure()).contains(RunFailure.SCRIPT_FAILURE);
        assertThat(outcome.exitCode()).hasValue(0);
        assertThat(log.plainText()).contains("invalid variable key 'export X'");
    }

    @Test
    void reportsAreUploadedForFailedJobsButOnSuccessArchivesAreNot() {
        runner().run(job().variable("FAKE_EXIT_CODE", "1").variable("FAKE_FILES", "out/a=1\njunit.xml=<x/>")
                .artifacts(ArtifactsSpec.ofPaths("out/").withReport("junit", "junit.xml").withWhen(UploadWhen.ON_SUCCESS)).build(), log);
        assertThat(root.resolve("artifacts/7/artifacts.zip")).doesNotExist();
        assertThat(root.resolve("artifacts/7/junit.zip")).isRegularFile();
        assertThat(log.plainText()).contains("Uploading artifacts for failed job");
    }

    @Test
    void aMissingDependencyArchiveFailsTheJobBeforeTheScript() {
        var outcome = runner().run(job().dependency(new ArtifactDownload(3, "compile", true))
                .dependency(new ArtifactDownload(4, "lint", false)).build(), log);
        assertThat(outcome.failure()).contains(RunFailure.RUNNER_SYSTEM_FAILURE);
        assertThat(fake.steps()).isEmpty();
        assertThat(log.plainText()).contains("Downloading artifacts for compile (3): not found").doesNotContain("lint");
    }
}
