package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class HelpAndVersionTest {

    @TempDir
    Path dir;

    /** Every command of the tree, hidden ones included, as the words that invoke it. */
    static Stream<List<String>> commands() {
        var all = new ArrayList<List<String>>();
        collect(SluiceCommand.commandLine(new Terminal(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Path.of(".")), null), List.of(), all);
        return all.stream();
    }

    private static void collect(CommandLine command, List<String> words, List<List<String>> all) {
        all.add(words);
        command.getSubcommands().forEach((name, sub) -> {
            var longer = new ArrayList<>(words);
            longer.add(name);
            collect(sub, List.copyOf(longer), all);
        });
    }

    @Test
    void theTreeHasTheDocumentedCommands() {
        assertThat(commands().map(words -> String.join(" ", words)))
                .contains("", "lint", "config", "bench", "bench compile");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelp(List<String> words) {
        CliRun run = CliRun.in(dir, args(words, "--help"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: " + String.join(" ", prepend("sluice", words)));
        assertThat(run.out()).contains("-h, --help");
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandPrintsTheProjectVersion(List<String> words) {
        CliRun run = CliRun.in(dir, args(words, "--version"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("sluice " + System.getProperty("sluice.expectedVersion", "(run through Maven)") + "\n")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void topLevelHelpListsCommandsButNotBench() {
        String help = CliRun.in(dir, "--help").out();

        assertThat(help).contains("lint ", "config ", "--debug", "Exit codes:").doesNotContain("bench");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.in(dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice: error: missing a command");
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.in(dir, "lnit");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice: error: Unmatched argument").contains("lint");
    }

    private static String[] args(List<String> words, String option) {
        var args = new ArrayList<>(words);
        args.add(option);
        return args.toArray(String[]::new);
    }

    private static List<String> prepend(String first, List<String> rest) {
        var all = new ArrayList<String>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
