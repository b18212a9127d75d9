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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice runner register}: gitlab-runner's non-interactive registration, written to config.toml. */
@Command(name = "register", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Register with a coordinator (registration token, or a glrt- authentication token) and add the runner to the config file.")
final class RunnerRegisterCommand implements Callable<Integer> {

    @Mixin
    RunnerCommand.ConfigOption config = new RunnerCommand.ConfigOption();

    @Option(names = {"-u", "--url"}, required = true, paramLabel = "URL", description = "The coordinator, e.g. http://sluice.local:8080.")
    String url;

    @Option(names = {"-t", "--token", "-r", "--registration-token"}, required = true, paramLabel = "TOKEN",
            description = "A registration token, or a runner authentication token (glrt-...).")
    String token;

    @Option(names = "--description", paramLabel = "TEXT", description = "The runner's name (default: this host's name).")
    String description;

    @Option(names = "--tag-list", paramLabel = "TAGS", description = "Comma-separated tags (registration tokens only).")
    String tags = "";

    @Option(names = "--run-untagged", description = "Also take jobs without tags (default when there are no tags).")
    boolean runUntagged;

    @Option(names = "--locked", description = "Lock the runner to the projects it is registered for.")
    boolean locked;

    @Option(names = "--access-level", paramLabel = "LEVEL", description = "not_protected (default) or ref_protected.")
    String accessLevel = "not_protected";

    @Option(names = "--maximum-timeout", paramLabel = "SECONDS", description = "Cap on a job's timeout.")
    int maximumTimeout;

    @Option(names = "--paused", description = "Register the runner paused.")
    boolean paused;

    @Option(names = "--executor", paramLabel = "NAME", defaultValue = "shell", description = "shell (default) or docker.")
    String executor;

    @Option(names = {"-n", "--non-interactive"}, description = "Accepted for gitlab-runner compatibility: registration never asks questions.")
    boolean nonInteractive;

    private final Terminal terminal;

    RunnerRegisterCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!List.of("shell", "docker").contains(executor)) {
            throw UserError.usage("--executor: unknown executor '" + executor + "' (shell, docker)");
        }
        Path file = config.path(terminal);
        RunnerConfig existing = RunnerConfigFiles.readOrEmpty(file);
        String name = description != null ? description : hostName();
        List<String> tagList = Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        var request = new Registration.Request(url, token, name, new ArrayList<>(tagList), runUntagged, locked, accessLevel,
                maximumTimeout, paused, executor);
        RunnerEntry entry;
        try {
            var client = new CoordinatorClient(url, "sluice-runner " + VersionProvider.version(), RetryPolicy.defaults());
            entry = new Registration(info(), SystemId.forConfig(file)).register(client, request);
        } catch (ApiException e) {
            throw new UserError(ExitCodes.FAILURE, "registering with " + url + " failed: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(ExitCodes.FAILURE, "registering with " + url + " failed: " + e.getMessage());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ConfigFile.write(file, existing.withRunner(entry));
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILURE, "cannot write " + file + ": " + e.getMessage());
        }
        terminal.out().println("Runner registered successfully (id " + entry.id() + ", executor " + executor + "); config: " + file);
        terminal.out().println("Start it with: sluice runner run --config " + file);
        return ExitCodes.OK;
    }

    private VersionInfo info() {
        return VersionInfo.sluice(VersionProvider.version(), executor, "bash");
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "sluice-runner";
        }
    }
}
