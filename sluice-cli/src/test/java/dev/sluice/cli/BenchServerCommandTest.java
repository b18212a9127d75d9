package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice bench server} against its real in-process coordinator, with small numbers. */
class BenchServerCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsEveryMeasurementNextToItsFloor() {
        CliRun run = CliRun.in(dir, "bench", "server", "--pickups", "10", "--jobs", "100", "--rounds", "2", "--runners", "2",
                "--trace-mib", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("pickup latency, 9 jobs in a chain of stages")
                .containsPattern("floor: jobs/request answered 204 +\\d+\\.\\d\\d ms +\\d+\\.\\d\\d ms")
                .containsPattern("success sent -> waiting runner has next job +\\d+\\.\\d\\d ms")
                .contains("throughput, 2 rounds of 100 trivial jobs in pipelines of 2 stages, 2 runners")
                .containsPattern("floor: jobs/request answered 204 +\\d+ requests/s, CPU \\d+\\.\\d\\d ms per request")
                .containsPattern("round 1: take \\+ trace \\+ success +\\d+ jobs/s \\(\\d+ requests/s\\), CPU \\d+\\.\\d\\d ms per job \\(JIT compiling \\d+\\.\\d\\d, GC \\d+\\.\\d\\d\\)")
                .containsPattern("round 2: take \\+ trace \\+ success +\\d+ jobs/s")
                .containsPattern("round 2: creating its 5 pipelines first +\\d+ pipelines/s")
                .containsPattern("PATCH /jobs/:id/trace, stored +\\d+\\.\\d MiB/s");
    }

    @Test
    void rejectsAnEmptyRun() {
        CliRun run = CliRun.in(dir, "bench", "server", "--rounds", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice: error: --pickups must be at least 10, --jobs at least 100, --rounds");
    }
}
