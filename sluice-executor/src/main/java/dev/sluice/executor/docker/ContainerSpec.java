package dev.sluice.executor.docker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One container to create, as data: everything {@link DockerEngine#create} sends to the engine.
 *
 * @param entrypoint empty keeps the image's entrypoint; {@code [""]} resets it (GitLab's {@code entrypoint: [""]})
 * @param cmd        empty keeps the image's command
 * @param env        in order; the engine gets {@code KEY=value} lines
 * @param aliases    network aliases on {@code network}
 */
record ContainerSpec(String name, String image, Optional<List<String>> entrypoint, List<String> cmd,
                     Map<String, String> env, Map<String, String> labels, List<Bind> binds, Optional<String> workingDir,
                     String network, List<String> aliases, Limits limits, boolean privileged) {

    ContainerSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(image);
        entrypoint = entrypoint.map(List::copyOf);
        cmd = List.copyOf(cmd);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        labels = Map.copyOf(labels);
        binds = List.copyOf(binds);
        Objects.requireNonNull(network);
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(limits);
    }

    List<String> envLines() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** A host directory mounted read-write into the container. */
    record Bind(Path host, String container) {
    }

    /**
     * @param cpus        0 for no limit; fractions allowed ({@code 1.5})
     * @param memoryBytes 0 for no limit
     */
    record Limits(double cpus, long memoryBytes) {
        static final Limits NONE = new Limits(0, 0);

        long nanoCpus() {
            return Math.round(cpus * 1e9);
        }
    }
}
