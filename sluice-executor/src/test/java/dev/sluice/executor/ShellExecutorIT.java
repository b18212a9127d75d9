package dev.sluice.executor;

import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** before_script, script and after_script in real bash processes. */
class ShellExecutorIT {

    @TempDir
    Path root;

    private ShellJobs shell;

    @BeforeEach
    void setUp() {
        shell = new ShellJobs(root);
    }

    private static JobSpec.Builder job() {
        return JobSpec.builder(1, "test");
    }

    @Test
    void stopsAtTheFirstFailingCommandWithItsExitCode() {
        var outcome = shell.run(job().script("echo first", "(exit 42)", "echo never").build());
        assertThat(outcome.exitCode()).hasValue(42);
        assertThat(outcome.failure()).contains(RunFailure.SCRIPT_FAILURE);
        assertThat(shell.plain()).contains("$ echo first\nfirst\n$ (exit 42)\n").doesNotContain("never")
                .contains("ERROR: Job failed: exit code 42");
    }

    @Test
    void echoesEachCommandInGreenBeforeRunningIt() {
        shell.run(job().script("echo 'it''s' \"$HOME\" > /dev/null", "echo done").build());
        assertThat(shell.log.text()).contains("\u001b[32;1m$ echo 'it''s' \"$HOME\" > /dev/null\u001b[0;m\n")
                .contains("\u001b[32;1m$ echo done\u001b[0;m\ndone\n");
    }

    @Test
    void aFailureInsideAPipelineFailsTheScript() {
        var outcome = shell.run(job().script("false | cat", "echo never").build());
        assertThat(outcome.exitCode()).hasValue(1);
        assertThat(shell.plain()).doesNotContain("\nnever");
    }

    @Test
    void beforeScriptAndScriptShareOneShellButAfterScriptDoesNot() {
        var outcome = shell.run(job().script("export SHARED=yes; cd /tmp", "echo shared=$SHARED in $PWD")
                .afterScript("echo after=${SHARED:-unset} in $PWD").build());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(shell.plain()).contains("shared=yes in /tmp\n").contains("after=unset in " + shell.projectDir());
    }

    @Test
    void multiLineCommandsRunWholeAndEchoCollapsed() {
        shell.run(job().script("for i in 1 2; do\n  echo item $i\ndone").build());
        assertThat(shell.plain()).contains("$ for i in 1 2; do # collapsed multi-line command\nitem 1\nitem 2\n");
    }

    @Test
    void afterScriptRunsOnFailureWithJobStatusAndKeepsTheResult() {
        var outcome = shell.run(job().script("exit 3").afterScript("echo status=$CI_JOB_STATUS", "exit 7").build());
        assertThat(outcome.exitCode()).hasValue(3);
        assertThat(shell.plain()).contains("status=failed\n")
                .contains("WARNING: after_script failed, but job will continue unaffected: exit code 7");
    }

    @Test
    void afterScriptSeesSuccess() {
        shell.run(job().script("echo during=$CI_JOB_STATUS").afterScript("echo status=$CI_JOB_STATUS").build());
        assertThat(shell.plain()).contains("during=running\n").contains("status=success\n");
    }

    @Test
    void exportsVariablesExpandedOnceByTheRunner() {
        shell.run(job().variable("BASE", "/opt").variable("BIN", "$BASE/bin")
                .variable(JobVariable.of("RAW", "$BASE").asRaw()).variable("COST", "$$5")
                .script("echo \"bin=$BIN raw=$RAW cost=$COST dir=$CI_PROJECT_DIR\"").build());
        assertThat(shell.plain()).contains("bin=/opt/bin raw=$BASE cost=$5 dir=" + shell.projectDir() + "\n");
    }

    @Test
    void fileVariablesHoldThePathOfAFileWithTheValue() {
        var outcome = shell.run(job().variable(JobVariable.of("CONFIG", "line one\nline two").asFile())
                .script("test -f \"$CONFIG\"", "echo path=$CONFIG", "cat \"$CONFIG\"").build());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(shell.plain()).contains("path=" + root.resolve("builds/project.tmp/CONFIG") + "\n")
                .contains("line one\nline two");
        assertThat(root.resolve("builds/project.tmp")).doesNotExist();
    }

    @Test
    void masksSecretsInScriptAndAfterScriptOutput() {
        shell.run(job().variable(JobVariable.of("TOKEN", "s3cr3t-value-42").asMasked())
                .script("printf 's3cr3t-'; sleep 0.1; printf 'value-42 and glpat-abcdef123\\n'")
                .afterScript("echo after $TOKEN").build());
        assertThat(shell.log.text()).doesNotContain("s3cr3t-value-42").doesNotContain("abcdef123")
                .contains("[MASKED] and glpat-[MASKED]\n").contains("after [MASKED]\n");
    }

    @Test
    void theLogStopsAtItsLimitButTheJobGoesOn() {
        var options = new JobRunner.Options(2000, MaskingSink.DEFAULT_TOKEN_PREFIXES, java.time.Clock.systemUTC());
        var runner = new JobRunner(new ShellExecutor(), shell.workspace(), options);
        var outcome = runner.run(job().script("for i in $(seq 1 500); do echo line-$i; done", "touch finished").build(), shell.log);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(shell.projectDir().resolve("finished")).exists();
        assertThat(shell.plain()).contains("Job's log exceeded limit of 2000 bytes.").doesNotContain("line-500")
                .doesNotContain("Job succeeded");
    }

    @Test
    void stdinIsEmpty() {
        var outcome = shell.run(job().script("cat", "echo after-cat").build());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(shell.plain()).contains("after-cat");
    }

    @Test
    void aSyntaxErrorFailsTheScriptWhereItIs() {
        var outcome = shell.run(job().script("echo before", "if then fi (", "echo never").build());
        assertThat(outcome.exitCode()).hasValue(2);
        assertThat(shell.plain()).contains("\nbefore\n").contains("syntax error").doesNotContain("\nnever");
    }
}
