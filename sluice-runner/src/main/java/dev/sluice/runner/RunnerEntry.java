package dev.sluice.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [[runners]]} entry. Tags, {@code run_untagged}, {@code locked} and the like live on the
 * coordinator, as in GitLab, not here.
 *
 * @param tokenExpiry          empty when the token never expires
 * @param limit                jobs this entry runs at once; 0 = no limit beyond {@code concurrent}
 * @param requestConcurrency   {@code jobs/request} calls in flight at once (default 1)
 * @param outputLimitKb        log cap in KiB ({@code output_limit}, 4096)
 * @param environment          extra {@code NAME=value} variables for every job
 * @param unregisterOnShutdown Sluice's own key: unregister after a graceful shutdown, as a Kubernetes preStop hook would
 */
public record RunnerEntry(String name, String url, long id, String token, Optional<TokenExpiry> tokenExpiry, String executor,
                          int limit, int requestConcurrency, int outputLimitKb, Optional<Path> buildsDir,
                          Optional<Path> cacheDir, List<String> environment, DockerSettings docker,
                          boolean unregisterOnShutdown) {

    public static final int DEFAULT_OUTPUT_LIMIT_KB = 4096;

    /** {@code [runners.docker]}: what the Docker executor needs from the config file. */
    public record DockerSettings(Optional<String> host, Optional<String> image, List<String> pullPolicy, boolean privileged) {
        public DockerSettings {
            pullPolicy = List.copyOf(pullPolicy);
        }

        public static DockerSettings none() {
            return new DockerSettings(Optional.empty(), Optional.empty(), List.of(), false);
        }
    }

    public RunnerEntry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        name = name == null ? "" : name;
        tokenExpiry = tokenExpiry == null ? Optional.empty() : tokenExpiry;
        executor = executor == null || executor.isBlank() ? "shell" : executor;
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        requestConcurrency = requestConcurrency <= 0 ? 1 : requestConcurrency;
        outputLimitKb = outputLimitKb <= 0 ? DEFAULT_OUTPUT_LIMIT_KB : outputLimitKb;
        environment = List.copyOf(environment);
        docker = docker == null ? DockerSettings.none() : docker;
    }

    public static RunnerEntry of(String url, long id, String token, String executor) {
        return new RunnerEntry("", url, id, token, Optional.empty(), executor, 0, 1, DEFAULT_OUTPUT_LIMIT_KB, Optional.empty(),
                Optional.empty(), List.of(), DockerSettings.none(), false);
    }

    public RunnerEntry withLimit(int value, int requests) {
        return new RunnerEntry(name, url, id, token, tokenExpiry, executor, value, requests, outputLimitKb, buildsDir,
                cacheDir, environment, docker, unregisterOnShutdown);
    }

    public RunnerEntry withDirs(Path builds, Path cache) {
        return new RunnerEntry(name, url, id, token, tokenExpiry, executor, limit, requestConcurrency, outputLimitKb,
                Optional.of(builds), Optional.of(cache), environment, docker, unregisterOnShutdown);
    }

    public RunnerEntry withUnregisterOnShutdown(boolean value) {
        return new RunnerEntry(name, url, id, token, tokenExpiry, executor, limit, requestConcurrency, outputLimitKb,
                buildsDir, cacheDir, environment, docker, value);
    }

    public RunnerEntry withToken(String value, Optional<TokenExpiry> expiry) {
        return new RunnerEntry(name, url, id, value, expiry, executor, limit, requestConcurrency, outputLimitKb,
                buildsDir, cacheDir, environment, docker, unregisterOnShutdown);
    }

    /** gitlab-runner's short token for build directories: the first 8 characters after a {@code glrt-} prefix. */
    public String shortToken() {
        String t = token.startsWith("glrt-") ? token.substring(5) : token;
        t = t.replaceAll("[^A-Za-z0-9_-]", "");
        return t.length() > 8 ? t.substring(0, 8) : t;
    }

    /** A created runner's token ({@code glrt-}): registered through {@code /runners/verify}. */
    public static boolean isCreatedRunnerToken(String token) {
        return token.startsWith("glrt-");
    }
}
