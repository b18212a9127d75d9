package dev.sluice.executor;

import dev.sluice.model.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Timeouts and cancels kill the whole process tree of a step, background jobs included. */
class ProcessTreeIT {

    @TempDir
    Path root;

    /** The script records the pid of a background sleep, then blocks. */
    private static JobSpec.Builder sleeper() {
        return JobSpec.builder(1, "sleeper").script("sleep 300 & echo $! > \"$CI_PROJECT_DIR/bg.pid\"", "echo started", "sleep 300")
                .afterScript("echo after status=$CI_JOB_STATUS");
    }

    private static long pidIn(Path file) throws Exception {
        return Long.parseLong(Files.readString(file).strip());
    }

    private static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true) || isZombie(pid);
    }

    private static boolean isZombie(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].startsWith("Z");
        } catch (Exception e) {
            return true;
        }
    }

    @Test
    void timeoutKillsTheTreeAndSkipsAfterScript() throws Exception {
        var shell = new ShellJobs(root);
        var outcome = shell.run(sleeper().timeout(Duration.ofSeconds(2)).build());
        assertThat(outcome.failure()).contains(RunFailure.JOB_EXECUTION_TIMEOUT);
        assertThat(shell.plain()).contains("started").contains("ERROR: Job failed: execution took longer than")
                .doesNotContain("after status");
        assertThat(gone(pidIn(shell.projectDir().resolve("bg.pid")))).as("background sleep killed").isTrue();
    }

    @Test
    void cancelKillsTheTreeThenRunsAfterScript() throws Exception {
        var shell = new ShellJobs(root);
        var outcome = CompletableFuture.supplyAsync(() -> shell.run(sleeper().build()));
        assertThat(shell.log.await(t -> t.contains("started"), Duration.ofSeconds(20))).isTrue();
        long bg = pidIn(shell.projectDir().resolve("bg.pid"));
        assertThat(gone(bg)).isFalse();
        shell.runner.cancel();
        var result = outcome.get(30, TimeUnit.SECONDS);
        assertThat(result.result()).isEqualTo(JobOutcome.Result.CANCELED);
        assertThat(shell.plain()).contains("after status=canceled").contains("ERROR: Job failed: canceled");
        assertThat(gone(bg)).isTrue();
    }

    @Test
    void backgroundProcessesDoNotOutliveASuccessfulStep() throws Exception {
        var shell = new ShellJobs(root);
        var outcome = shell.run(JobSpec.builder(1, "bg").script("sleep 300 & echo $! > \"$CI_PROJECT_DIR/bg.pid\"").build());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(gone(pidIn(shell.projectDir().resolve("bg.pid")))).isTrue();
    }

    @Test
    void runnerScriptTimeoutLeavesRoomForAfterScript() {
        var shell = new ShellJobs(root);
        var outcome = shell.run(sleeper().variable("RUNNER_SCRIPT_TIMEOUT", "2s").build());
        assertThat(outcome.failure()).contains(RunFailure.JOB_EXECUTION_TIMEOUT);
        assertThat(shell.plain()).contains("after status=failed");
    }
}
