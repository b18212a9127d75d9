package dev.sluice.cli;

import dev.sluice.protocol.VersionInfo;
import dev.sluice.runner.ApiException;
import dev.sluice.runner.ConfigFile;
import dev.sluice.runner.CoordinatorClient;
import dev.sluice.runner.Registration;
import dev.sluice.runner.RetryPolicy;
import dev.sluice.runner.RunnerConfig;
import dev.sluice.runner.RunnerEntry;
import dev.sluice.runner.SystemId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice runner unregister}: removes runners from the coordinator and from the config file. */
@Command(name = "unregister", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Unregister runners (by --name, or --all-runners) and remove them from the config file.")
final class RunnerUnregisterCommand implements Callable<Integer> {

    @Mixin
    RunnerCommand.ConfigOption config = new RunnerCommand.ConfigOption();

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "The runner to unregister.")
    String name;

    @Option(names = "--all-runners", description = "Unregister every runner of the config file.")
    boolean all;

    private final Terminal terminal;

    RunnerUnregisterCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (all == (name != null)) {
            throw UserError.usage("say which runners: --name NAME or --all-runners");
        }
        Path file = config.path(terminal);
        RunnerConfig runners = RunnerConfigFiles.read(file);
        List<RunnerEntry> chosen = runners.runners().stream().filter(r -> all || r.name().equals(name)).toList();
        if (chosen.isEmpty()) {
            throw UserError.usage("no runner named '" + name + "' in " + file);
        }
        RunnerConfig left = runners;
        try {
            String systemId = SystemId.forConfig(file);
            for (RunnerEntry entry : chosen) {
                var client = new CoordinatorClient(entry.url(), "sluice-runner " + VersionProvider.version(), RetryPolicy.defaults());
                new Registration(VersionInfo.sluice(VersionProvider.version(), entry.executor(), "bash"), systemId)
                        .unregister(client, entry);
                left = left.withoutRunner(entry.token());
                terminal.out().println("Unregistered " + entry.name() + " from " + entry.url());
            }
        } catch (ApiException | IOException e) {
            throw new UserError(ExitCodes.FAILURE, "unregistering failed: " + e.getMessage());
        } finally {
            writeQuietly(file, left);
        }
        return ExitCodes.OK;
    }

    private void writeQuietly(Path file, RunnerConfig config) {
        try {
            ConfigFile.write(file, config);
        } catch (IOException e) {
            terminal.err().println("sluice: cannot write " + file + ": " + e.getMessage());
        }
    }
}
