package dev.sluice.cli.gcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GclRunTest {

    @Test
    void splitsStdoutByJobWithPaddedAndLongerNames() {
        String stdout = """
                test        starting shell (test)
                test        $ echo a
                test        > a
                test: [x]   $ echo b
                test: [x]   > b
                test        finished in 1 ms
                 PASS  test
                """;
        var lines = GclRun.jobLines(stdout, List.of("test", "test: [x]"));
        assertThat(lines).containsExactly(Map.entry("test", List.of("$ echo a", "> a")),
                Map.entry("test: [x]", List.of("$ echo b", "> b")));
    }

    @Test
    void translatesArgumentsAndCountsOwnFeaturesApart() {
        var t = GclArgs.translate(List.of("--cwd", "tests/test-cases/x", "build", "--needs", "--shell-isolation",
                "--variable", "A=1", "--state-dir", ".s"), Map.of("GCL_VARIABLE_B", "2"));
        assertThat(t.args()).contains(List.of("run", "build", "--needs", "--variable", "A=1", "--variable", "B=2"));
        assertThat(GclArgs.translate(List.of("--preview"), Map.of()).apart()).contains("--preview");
    }
}
