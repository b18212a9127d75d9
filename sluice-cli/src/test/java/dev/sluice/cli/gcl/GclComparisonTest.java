package dev.sluice.cli.gcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GclComparisonTest {

    private static GclRun reference(int exitCode, Map<String, String> jobs, Map<String, List<String>> lines) {
        return new GclRun("case", "test", "case", List.of(), Map.of(), exitCode, jobs, lines);
    }

    private static GclComparison.Actual sluice(int exitCode, Map<String, GclComparison.ActualJob> jobs,
                                               Map<String, List<String>> lines) {
        return new GclComparison.Actual(exitCode, jobs, lines);
    }

    @Test
    void readsParallelAndMatrixNamesInGitlabsSpelling() {
        assertThat(GclNames.toSluice("test-job: [1/2]")).isEqualTo("test-job 1/2");
        assertThat(GclNames.toSluice("linux:test: [aws,monitoring]")).isEqualTo("linux:test: [aws, monitoring]");
        assertThat(GclNames.toSluice("plain")).isEqualTo("plain");
    }

    @Test
    void agreesWhenSluiceAlsoPrintsTheJobsStderrThatTheReferenceDidNotRecord() {
        var run = reference(0, Map.of("t: [a,b]", "warning", "never", "skipped"),
                Map.of("t: [a,b]", List.of("$ ls", "> x", "$ exit 3")));
        var actual = sluice(0, Map.of("t: [a, b]", new GclComparison.ActualJob("t: [a, b]", "failed", true)),
                Map.of("t: [a, b]", List.of("$ ls", "> ls: cannot access 'y'", "> x", "$ exit 3")));
        assertThat(GclComparison.differences(run, actual)).isEmpty();
    }

    @Test
    void reportsStatusExitCodeAndLineDifferences() {
        var run = reference(1, Map.of("a", "failed", "b", "success"), Map.of("b", List.of("$ echo 1", "> 1")));
        var actual = sluice(0, Map.of("a", new GclComparison.ActualJob("a", "skipped", false),
                        "b", new GclComparison.ActualJob("b", "success", false)),
                Map.of("b", List.of("$ echo 1", "> 2")));
        assertThat(GclComparison.differences(run, actual)).containsExactlyInAnyOrder(
                "exit code: expected 1, Sluice 0",
                "job 'a': expected failed, Sluice did not run (skipped)",
                "job 'b' after '$ echo 1': expected '> 1', Sluice printed [> 2]");
    }

    @Test
    void reducesLsLongLinesToTypeAndName() {
        assertThat(GclComparison.normalise("> drwxrwxr-x 4 root root 4096 Nov 25 21:09 foo bar"))
                .isEqualTo(GclComparison.normalise("> drwxr-xr-x 2 ci ci 60 Jan  1 2024 foo bar"))
                .isEqualTo("> d foo bar");
    }

    @Test
    void keepsOnlyScriptSectionsOfASluiceLog() {
        String log = String.join("\n",
                "Running job a (1) with Sluice",
                "section_start:1:prepare_executor\r\u001b[0K\u001b[36;1mPreparing the executor\u001b[0;m",
                "Using Shell (bash) executor...",
                "section_end:1:prepare_executor\r\u001b[0Ksection_start:1:step_script\r\u001b[0K\u001b[36;1mExecuting\u001b[0;m",
                "\u001b[32;1m$ echo -e \"\\e[0Ksection_start:1:mine\\r\\e[0KTitle\"\u001b[0;m",
                "\u001b[0Ksection_start:1:mine\r\u001b[0KTitle",
                "\u001b[31mred\u001b[0m",
                "section_end:1:step_script\r\u001b[0K\u001b[32;1mJob succeeded\u001b[0;m");
        assertThat(SluiceJobLog.scriptLines(log)).containsExactly(
                "$ echo -e \"\\e[0Ksection_start:1:mine\\r\\e[0KTitle\"", "> red");
    }
}
