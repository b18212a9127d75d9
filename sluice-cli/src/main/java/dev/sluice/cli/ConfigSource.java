package dev.sluice.cli;

import dev.sluice.config.CompileRequest;
import dev.sluice.config.ConfigLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The configuration file a command reads ({@code FILE}, default {@code .gitlab-ci.yml}) and the
 * working tree around it ({@code -C DIR}, default the current directory), whose files serve
 * {@code include:local} and {@code rules:exists}.
 */
final class ConfigSource {

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR",
            description = "Run as if sluice was started in DIR: the repository root for include:local "
                    + "and rules:exists, and the base of a relative FILE.")
    String directory;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = ".gitlab-ci.yml",
            description = "The pipeline configuration (default: ${DEFAULT-VALUE}).")
    String file;

    @Option(names = "--limit", paramLabel = "NAME=VALUE",
            description = "Change one of GitLab's limits, e.g. --limit needs=100 (0 = unlimited). Names: "
                    + "needs, includes, extends-depth, reference-depth, job-name-length, jobs, yaml-bytes, yaml-depth, yaml-nodes.")
    java.util.Map<String, String> limits = new java.util.LinkedHashMap<>();

    /** GitLab's limits with the {@code --limit} changes applied. */
    ConfigLimits limits() {
        ConfigLimits out = ConfigLimits.GITLAB;
        for (var e : limits.entrySet()) {
            try {
                out = out.with(e.getKey(), Integer.parseInt(e.getValue().trim()));
            } catch (NumberFormatException ex) {
                throw UserError.usage("--limit " + e.getKey() + ": not a number: " + e.getValue());
            } catch (IllegalArgumentException ex) {
                throw UserError.usage("--limit: " + ex.getMessage());
            }
        }
        return out;
    }

    /** The file's text and the request to compile it, or a {@link UserError} when it cannot be read. */
    CompileRequest request(Path workingDir) {
        Path root = path(workingDir, directory == null ? "." : directory);
        if (!Files.isDirectory(root)) {
            throw UserError.usage((Files.exists(root) ? "not a directory: " : "no such directory: ") + directory);
        }
        Path config = path(root, file);
        if (Files.isDirectory(config)) {
            throw UserError.usage(file + " is a directory, not a pipeline configuration file");
        }
        if (!Files.exists(config)) {
            throw UserError.usage("no such file: " + file + (directory == null && !Path.of(file).isAbsolute()
                    ? " (in " + workingDir + ")" : ""));
        }
        String text;
        try {
            text = new String(Files.readAllBytes(config), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.usage("cannot read " + file + ": " + e.getMessage());
        }
        return CompileRequest.of(displayPath(root, config), text).withFiles(new WorkingTreeFiles(root)).withLimits(limits());
    }

    /** Diagnostics name the file as the repository sees it when it lies inside, as typed otherwise. */
    private String displayPath(Path root, Path config) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absolute = config.toAbsolutePath().normalize();
        if (absolute.startsWith(absoluteRoot)) {
            return absoluteRoot.relativize(absolute).toString().replace('\\', '/');
        }
        return file;
    }

    private static Path path(Path base, String name) {
        try {
            return base.resolve(name);
        } catch (InvalidPathException e) {
            throw UserError.usage("not a valid path: " + name);
        }
    }
}
