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

    /**
     * The command tree for one command line, printing to the terminal's streams and failing through
     * {@link Failures}: when it names a command, only that command's branch is built.
     * Picocli reflects over every command it is given, and that was most of {@code sluice lint}'s start-up;
     * help, typos and bare {@code sluice} get the whole tree (for the command list and suggestions).
     */
    static CommandLine commandLine(Terminal terminal, String command) {
        var cli = new CommandLine(new SluiceCommand());
        for (String name : ORDER) {
            if (command == null || !COMMANDS.contains(command) || command.equals(name)) {
                cli.addSubcommand(subcommand(name, terminal));
            }
        }
        var failures = new Failures();
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setParameterExceptionHandler(failures);
        cli.setExecutionExceptionHandler(failures);
        return cli;
    }

    private static final java.util.List<String> ORDER = java.util.List.of("lint", "config", "run", "server", "runner", "admin", "bench");
    private static final java.util.Set<String> COMMANDS = java.util.Set.copyOf(ORDER);

    private static CommandLine subcommand(String name, Terminal terminal) {
        return switch (name) {
            case "lint" -> new CommandLine(new LintCommand(terminal));
            case "config" -> new CommandLine(new ConfigCommand(terminal));
            case "run" -> new CommandLine(new RunCommand(terminal));
            case "server" -> new CommandLine(new ServerCommand(terminal));
            case "runner" -> new CommandLine(new RunnerCommand())
                    .addSubcommand(new RunnerRegisterCommand(terminal))
                    .addSubcommand(new RunnerRunCommand(terminal))
                    .addSubcommand(new RunnerUnregisterCommand(terminal));
            case "admin" -> new CommandLine(new AdminCommand())
                    .addSubcommand(new AdminUserCommand(terminal))
                    .addSubcommand(new AdminTokenCommand(terminal));
            case "bench" -> new CommandLine(new BenchCommand()).addSubcommand(new BenchCompileCommand(terminal))
                    .addSubcommand(new BenchServerCommand(terminal)).addSubcommand(new BenchPushCommand(terminal))
                    .addSubcommand(new BenchUiCommand(terminal));
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command (lint, config, run)");
    }
}
