package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice bench ui} against a real in-process coordinator, with small numbers. */
class BenchUiCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsEveryPageNextToTheBaselines() {
        CliRun run = CliRun.in(dir, "bench", "ui", "--pipelines", "45", "--jobs", "10", "--log-mib", "1", "--requests", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("a project with 46 pipelines").contains("pipeline #46 of 10 jobs").contains("has a 1 MiB log")
                .containsPattern("floor: /-/health \\(no session, no page\\) +\\d+\\.\\d\\d ms +\\d+\\.\\d\\d ms")
                .containsPattern("baseline: projects list \\(1 project\\) +\\d+\\.\\d\\d ms")
                .containsPattern("pipelines list, page 3 +\\d+\\.\\d\\d ms")
                .containsPattern("pipelines list, ref=main status=failed +\\d+\\.\\d\\d ms")
                .containsPattern("pipeline page, 10 jobs +\\d+\\.\\d\\d ms")
                .containsPattern("job page, 1 MiB log \\(its tail\\) +\\d+\\.\\d\\d ms .* +\\d+ KB")
                .contains("goal (issue 7): every page");
    }

    @Test
    void rejectsTooFewRequests() {
        CliRun run = CliRun.in(dir, "bench", "ui", "--requests", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice: error: --pipelines and --log-mib must be at least 1");
    }
}
