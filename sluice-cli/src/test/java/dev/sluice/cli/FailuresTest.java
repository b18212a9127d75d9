package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FailuresTest {

    private final StringWriter err = new StringWriter();
    private final CommandLine cli = SluiceCommand.commandLine(
            new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(err, true), Path.of(".")), null);

    @Test
    void internalErrorIsOneLineWithAHint() {
        int code = new Failures().handleExecutionException(new IllegalStateException("boom\nsecond line"),
                cli, cli.parseArgs("lint"));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("sluice: internal error: java.lang.IllegalStateException: boom second line"
                + " (run with --debug for the stack trace)" + System.lineSeparator());
    }

    @Test
    void debugOnTheSubcommandShowsTheStackTrace() {
        new Failures().handleExecutionException(new IllegalStateException("boom"), cli, cli.parseArgs("lint", "--debug"));

        assertThat(err.toString()).startsWith("sluice: internal error: java.lang.IllegalStateException: boom"
                + System.lineSeparator()).contains("\tat dev.sluice.cli.FailuresTest");
    }

    @Test
    void debugBeforeTheSubcommandShowsTheStackTrace() {
        new Failures().handleExecutionException(new IllegalStateException("boom"), cli, cli.parseArgs("--debug", "lint"));

        assertThat(err.toString()).contains("\tat dev.sluice.cli.FailuresTest");
    }

    @Test
    void userErrorsCarryTheirExitCodeAndNoTrace() {
        int code = new Failures().handleExecutionException(UserError.usage("no such file: x"), cli, cli.parseArgs("lint"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("sluice: error: no such file: x" + System.lineSeparator());
    }
}
