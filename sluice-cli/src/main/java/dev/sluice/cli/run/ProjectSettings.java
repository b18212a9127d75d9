package dev.sluice.cli.run;

import dev.sluice.config.Diagnostics;
import dev.sluice.config.keywords.At;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YamlLimits;
import dev.sluice.config.yaml.YamlLoader;
import dev.sluice.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A project's defaults for {@code sluice run}, from {@code .sluice.yml} at the repository root:
 * <pre>
 * executor: docker          # shell (default) or docker
 * docker:
 *   image: debian:12        # for jobs without image:
 *   pull_policy: never      # or a list: always, if-not-present, never
 *   host: unix:///var/run/docker.sock
 * </pre>
 * Command-line options win over the file.
 */
public record ProjectSettings(Optional<String> executor, Optional<String> dockerImage, List<String> pullPolicies,
                              Optional<String> dockerHost) {

    public static final String FILE = ".sluice.yml";
    public static final ProjectSettings NONE = new ProjectSettings(Optional.empty(), Optional.empty(), List.of(), Optional.empty());

    /** The settings of {@code root}, none when there is no file; a broken file is an {@link IllegalArgumentException}. */
    public static ProjectSettings read(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + FILE + ": " + e.getMessage());
        }
        Diagnostics diagnostics = new Diagnostics();
        At at = new At("", diagnostics);
        ProjectSettings settings = new YamlLoader(YamlLimits.DEFAULT).load(FILE, text, diagnostics).body()
                .flatMap(at::map).map(map -> parse(map, at)).orElse(NONE);
        List<Diagnostic> errors = diagnostics.all().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.getFirst().format());
        }
        return settings;
    }

    private static ProjectSettings parse(YMap map, At at) {
        at.onlyKeys(map, List.of("executor", "docker"));
        Optional<String> executor = map.get("executor").flatMap(n -> at.child("executor").oneOf(n, List.of("shell", "docker")));
        Optional<YMap> docker = map.get("docker").flatMap(at.child("docker")::map);
        At dockerAt = at.child("docker");
        docker.ifPresent(d -> dockerAt.onlyKeys(d, List.of("image", "pull_policy", "host")));
        Optional<String> image = docker.flatMap(d -> d.get("image")).flatMap(dockerAt.child("image")::string);
        List<String> policies = docker.flatMap(d -> d.get("pull_policy"))
                .flatMap(dockerAt.child("pull_policy")::stringOrStrings).orElse(List.of());
        Optional<String> host = docker.flatMap(d -> d.get("host")).flatMap(dockerAt.child("host")::string);
        return new ProjectSettings(executor, image, policies, host);
    }
}
