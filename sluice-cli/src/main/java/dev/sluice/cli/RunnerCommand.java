package dev.sluice.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice runner}: a runner agent speaking GitLab's runner API v4, to Sluice or to GitLab. */
@Command(name = "runner", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Register a runner with a coordinator (Sluice or GitLab) and run the jobs it hands out.",
        synopsisSubcommandLabel = "COMMAND")
final class RunnerCommand implements Runnable {

    /** The config file option every runner subcommand shares; gitlab-runner's config.toml format. */
    static final class ConfigOption {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE",
                description = "The runner configuration (config.toml format; default: $SLUICE_RUNNER_CONFIG, else ~/.sluice/runner/config.toml).")
        Path config;

        Path path(Terminal terminal) {
            if (config != null) {
                return terminal.workingDir().resolve(config);
            }
            String env = System.getenv("SLUICE_RUNNER_CONFIG");
            if (env != null && !env.isBlank()) {
                return Path.of(env);
            }
            return Path.of(System.getProperty("user.home"), ".sluice", "runner", "config.toml");
        }
    }

    @Override
    public void run() {
        throw UserError.usage("missing command: register, run or unregister (see sluice runner --help)");
    }
}
