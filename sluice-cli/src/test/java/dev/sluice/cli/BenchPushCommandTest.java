package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice bench push} against a real in-process coordinator with the real git CLI. */
class BenchPushCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheFloorThePushAndThePickupRows() {
        CliRun run = CliRun.in(dir, "bench", "push", "--pushes", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("5 pushes of one new commit")
                .containsPattern("floor: git push to a bare repository on disk +\\d+\\.\\d\\d ms")
                .containsPattern("git push over HTTP to Sluice \\(pipeline made\\) +\\d+\\.\\d\\d ms")
                .containsPattern("push returned -> waiting runner has the job +\\d+\\.\\d\\d ms");
    }

    @Test
    void rejectsTooFewPushes() {
        CliRun run = CliRun.in(dir, "bench", "push", "--pushes", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice: error: --pushes must be at least 5");
    }
}
