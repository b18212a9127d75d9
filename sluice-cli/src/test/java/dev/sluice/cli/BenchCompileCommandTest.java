package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCompileCommandTest {

    @TempDir
    Path repo;

    @Test
    void printsBaselineAndCompileRows() throws IOException {
        Files.writeString(repo.resolve("big.yml"), "build:\n  script: make\n");

        CliRun run = CliRun.in(repo, "bench", "compile", "big.yml", "--iterations", "3", "--warmup", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("big.yml: 2 lines", "jobs: ", "warmup 1, iterations 3")
                .containsPattern("parse YAML \\(baseline\\) +\\d+\\.\\d\\d ms +\\d+\\.\\d\\d ms +\\d+\\.\\d\\d ms")
                .containsPattern("full compile +\\d+\\.\\d\\d ms")
                .containsPattern("compile / parse +\\d+\\.\\d\\dx");
    }

    @Test
    void rejectsZeroIterations() throws IOException {
        Files.writeString(repo.resolve("big.yml"), "build:\n  script: make\n");

        CliRun run = CliRun.in(repo, "bench", "compile", "big.yml", "--iterations", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice: error: --iterations");
    }

    @Test
    void percentileIsNearestRank() {
        long[] values = {50, 10, 40, 20, 30, 60, 70, 80, 90, 100};

        assertThat(BenchCompileCommand.percentile(values, 0)).isEqualTo(10);
        assertThat(BenchCompileCommand.percentile(values, 50)).isEqualTo(50);
        assertThat(BenchCompileCommand.percentile(values, 90)).isEqualTo(90);
    }
}
