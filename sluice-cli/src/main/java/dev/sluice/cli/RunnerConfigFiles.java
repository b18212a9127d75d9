package dev.sluice.cli;

import dev.sluice.runner.ConfigException;
import dev.sluice.runner.ConfigFile;
import dev.sluice.runner.RunnerConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the runner's config file for the CLI: a broken or missing file is the user's to fix, said plainly. */
final class RunnerConfigFiles {

    private RunnerConfigFiles() {
    }

    static RunnerConfig readOrEmpty(Path file) {
        return Files.exists(file) ? read(file) : RunnerConfig.empty();
    }

    static RunnerConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw UserError.usage("no runner config at " + file + ": register one first (sluice runner register --url URL --token TOKEN)");
        }
        try {
            return ConfigFile.read(file);
        } catch (ConfigException e) {
            throw UserError.usage(file + ": " + e.getMessage());
        }
    }
}
