package dev.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top of the {@code sluice} command tree, and the place where the tree is assembled. */
@Command(name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compiles and runs GitLab CI pipelines (.gitlab-ci.yml) the way GitLab does.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = "Run 'sluice COMMAND --help' for a command's options.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; for lint and config: the configuration is valid",
            "1:the configuration is invalid, or the command failed",
            "2:usage error: unknown option, missing or unreadable file"})
final class SluiceCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show the stack trace of internal errors.")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** The whole command tree, printing to the terminal's streams and failing through {@link Failures}. */
    static CommandLine commandLine(Terminal terminal) {
        var bench = new CommandLine(new BenchCommand())
                .addSubcommand(new BenchCompileCommand(terminal));
        var runner = new CommandLine(new RunnerCommand())
                .addSubcommand(new RunnerRegisterCommand(terminal))
                .addSubcommand(new RunnerRunCommand(terminal))
                .addSubcommand(new RunnerUnregisterCommand(terminal));
        var cli = new CommandLine(new SluiceCommand())
                .addSubcommand(new LintCommand(terminal))
                .addSubcommand(new ConfigCommand(terminal))
                .addSubcommand(new RunCommand(terminal))
                .addSubcommand(runner)
                .addSubcommand(bench);
        var failures = new Failures();
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setParameterExceptionHandler(failures);
        cli.setExecutionExceptionHandler(failures);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command (lint, config, run)");
    }
}
