package dev.sluice.cli;

import dev.sluice.protocol.VersionInfo;
import dev.sluice.runner.ConfigException;
import dev.sluice.runner.ConfigFile;
import dev.sluice.runner.RunnerAgent;
import dev.sluice.runner.RunnerConfig;
import dev.sluice.runner.SystemId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice runner run}: takes jobs for every runner of the config file until SIGTERM or Ctrl-C,
 * then stops taking jobs, lets running ones finish within {@code shutdown_timeout}, and unregisters
 * the runners marked {@code unregister_on_shutdown} (what a Kubernetes preStop hook wants).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Take and run jobs for the runners of the config file, until stopped.")
final class RunnerRunCommand implements Callable<Integer> {

    @Mixin
    RunnerCommand.ConfigOption config = new RunnerCommand.ConfigOption();

    @Option(names = {"-d", "--working-directory"}, paramLabel = "DIR",
            description = "Where builds and caches go (default: beside the config file).")
    Path workDir;

    private final Terminal terminal;

    RunnerRunCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        Path file = config.path(terminal);
        RunnerConfig runners = RunnerConfigFiles.read(file);
        if (runners.runners().isEmpty()) {
            throw UserError.usage(file + " lists no runner: register one first (sluice runner register --url URL --token TOKEN)");
        }
        Path dir = workDir != null ? terminal.workingDir().resolve(workDir) : file.toAbsolutePath().getParent();
        RunnerAgent agent;
        try {
            var info = VersionInfo.sluice(VersionProvider.version(), runners.runners().getFirst().executor(), "bash");
            agent = new RunnerAgent(runners, RunnerAgent.Options.defaults(dir, info, SystemId.forConfig(file),
                    entry -> saveNewToken(file, entry)));
        } catch (ConfigException e) {
            throw UserError.usage(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILURE, "cannot read the system id beside " + file + ": " + e.getMessage());
        }
        Thread stop = new Thread(() -> {
            try {
                agent.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sluice-runner-shutdown");
        Runtime.getRuntime().addShutdownHook(stop);
        terminal.err().println("sluice runner: " + runners.runners().size() + " runner(s), concurrent " + runners.concurrent()
                + "; stop with Ctrl-C or SIGTERM");
        terminal.err().flush();
        agent.start();
        agent.awaitShutdown();
        return ExitCodes.OK;
    }

    /** A token the coordinator rotated must survive a restart. */
    private void saveNewToken(Path file, dev.sluice.runner.RunnerEntry entry) {
        try {
            RunnerConfig current = ConfigFile.read(file);
            ConfigFile.write(file, current.withoutRunner(entry.token()).withRunner(entry));
        } catch (ConfigException | IOException e) {
            terminal.err().println("sluice runner: could not save the new token of " + entry.name() + " to " + file + ": " + e.getMessage());
        }
    }
}
