package dev.sluice.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code config.toml}. TOML because it is gitlab-runner's format: an existing
 * {@code config.toml} works as it is, and keys Sluice does not know are ignored, as gitlab-runner ignores them.
 */
public final class ConfigFile {

    private ConfigFile() {
    }

    public static RunnerConfig read(Path file) throws ConfigException {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    public static RunnerConfig parse(String toml) throws ConfigException {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(toml);
        } catch (IOException e) {
            throw new ConfigException("not valid TOML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        var runners = new ArrayList<RunnerEntry>();
        JsonNode list = root.path("runners");
        for (int i = 0; i < list.size(); i++) {
            runners.add(entry(list.get(i), "runners[" + i + "]"));
        }
        try {
            return new RunnerConfig(root.path("concurrent").asInt(1), seconds(root.path("check_interval")),
                    seconds(root.path("shutdown_timeout")), runners);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static RunnerEntry entry(JsonNode n, String where) throws ConfigException {
        for (String required : List.of("url", "token")) {
            if (!n.hasNonNull(required) || n.get(required).asText().isBlank()) {
                throw new ConfigException(where + ": missing '" + required + "'");
            }
        }
        JsonNode d = n.path("docker");
        var docker = new RunnerEntry.DockerSettings(text(d, "host"), text(d, "image"), strings(d.path("pull_policy")),
                d.path("privileged").asBoolean(false));
        try {
            return new RunnerEntry(n.path("name").asText(""), n.get("url").asText(), n.path("id").asLong(0),
                    n.get("token").asText(), expiry(n), n.path("executor").asText("shell"),
                    n.path("limit").asInt(0), n.path("request_concurrency").asInt(1), n.path("output_limit").asInt(0),
                    text(n, "builds_dir").map(Path::of), text(n, "cache_dir").map(Path::of), strings(n.path("environment")),
                    docker, n.path("unregister_on_shutdown").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    /** Writes atomically (a temporary file renamed over the old one): the file holds runner tokens, so owner-only. */
    public static void write(Path file, RunnerConfig config) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".config", ".toml");
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default permissions
        }
        Files.writeString(tmp, TomlWriter.write(config));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A legacy file without {@code token_obtained_at} resets at once: early is harmless, late is not. */
    private static Optional<TokenExpiry> expiry(JsonNode n) {
        java.time.Instant obtained = text(n, "token_obtained_at").flatMap(TokenExpiry::parse).orElse(java.time.Instant.EPOCH);
        return TokenExpiry.of(obtained, text(n, "token_expires_at").orElse(null));
    }

    private static Duration seconds(JsonNode n) {
        return n.isMissingNode() ? null : Duration.ofSeconds(n.asLong(0));
    }

    private static Optional<String> text(JsonNode n, String key) {
        return Optional.ofNullable(n.get(key)).filter(JsonNode::isValueNode).map(JsonNode::asText).filter(s -> !s.isEmpty());
    }

    private static List<String> strings(JsonNode n) {
        var out = new ArrayList<String>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }
}
