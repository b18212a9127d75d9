package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    /** A gitlab-runner config.toml, with sections Sluice does not use. */
    static final String GITLAB_RUNNER_TOML = """
            concurrent = 4
            check_interval = 0
            shutdown_timeout = 60
            log_level = "info"

            [session_server]
              session_timeout = 1800

            [[runners]]
              name = "builder"
              url = "https://gitlab.example.com/"
              id = 12
              token = "glrt-abcdefghijkl"
              token_obtained_at = 2024-01-01T00:00:00Z
              token_expires_at = 0001-01-01T00:00:00Z
              executor = "docker"
              limit = 2
              request_concurrency = 3
              output_limit = 8192
              environment = ["A=1", "B=two"]
              [runners.cache]
                MaxUploadedArchiveSize = 0
              [runners.docker]
                image = "alpine:3.20"
                privileged = false
                pull_policy = ["always", "if-not-present"]

            [[runners]]
              url = "http://sluice.local:8080"
              token = "legacy"
            """;

    @Test
    void readsGitlabRunnersConfigToml() throws Exception {
        RunnerConfig c = ConfigFile.parse(GITLAB_RUNNER_TOML);
        assertThat(c.concurrent()).isEqualTo(4);
        assertThat(c.checkInterval()).as("0 means the default").isEqualTo(Duration.ofSeconds(3));
        assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofSeconds(60));
        RunnerEntry r = c.runners().get(0);
        assertThat(r.name()).isEqualTo("builder");
        assertThat(r.id()).isEqualTo(12);
        assertThat(r.executor()).isEqualTo("docker");
        assertThat(r.limit()).isEqualTo(2);
        assertThat(r.requestConcurrency()).isEqualTo(3);
        assertThat(r.outputLimitKb()).isEqualTo(8192);
        assertThat(r.environment()).containsExactly("A=1", "B=two");
        assertThat(r.docker().image()).contains("alpine:3.20");
        assertThat(r.docker().pullPolicy()).containsExactly("always", "if-not-present");
        assertThat(r.shortToken()).isEqualTo("abcdefgh");
        assertThat(r.tokenExpiry()).as("Go's zero time: the token never expires").isEmpty();
        RunnerEntry defaults = c.runners().get(1);
        assertThat(defaults.executor()).isEqualTo("shell");
        assertThat(defaults.requestConcurrency()).isEqualTo(1);
        assertThat(defaults.limit()).isZero();
        assertThat(defaults.outputLimitKb()).isEqualTo(4096);
    }

    @Test
    void writtenConfigReadsBackTheSame(@TempDir Path dir) throws Exception {
        var expiry = new TokenExpiry(java.time.Instant.parse("2029-01-01T00:00:00Z"), java.time.Instant.parse("2030-01-01T00:00:00Z"));
        var entry = new RunnerEntry("a \"quoted\" name", "http://x", 3, "glrt-t", Optional.of(expiry), "docker", 1, 2, 100,
                Optional.of(Path.of("/b")), Optional.of(Path.of("/c")), List.of("X=y"),
                new RunnerEntry.DockerSettings(Optional.of("unix:///d.sock"), Optional.of("alpine"), List.of("never"), true), true);
        var config = new RunnerConfig(3, Duration.ofSeconds(5), Duration.ofSeconds(7), List.of(entry, RunnerEntry.of("http://y", 0, "tok", "shell")));
        Path file = dir.resolve("config.toml");
        ConfigFile.write(file, config);
        assertThat(ConfigFile.read(file)).isEqualTo(config);
        assertThat(java.nio.file.Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void mistakesNameTheEntryAndTheKey() {
        assertThatThrownBy(() -> ConfigFile.parse("concurrent = 1\n[[runners]]\n  token = \"t\"\n"))
                .isInstanceOf(ConfigException.class).hasMessage("runners[0]: missing 'url'");
        assertThatThrownBy(() -> ConfigFile.parse("concurrent = 0\n")).hasMessage("concurrent must be greater than 0, got 0");
        assertThatThrownBy(() -> ConfigFile.parse("concurrent = [\n")).hasMessageStartingWith("not valid TOML");
        assertThatThrownBy(() -> new ExecutorChoice("virtualbox", RunnerEntry.DockerSettings.none()))
                .hasMessage("executor 'virtualbox' is not supported; use one of [shell, docker]");
    }

    @Test
    void systemIdIsStableForAConfigFile(@TempDir Path dir) throws Exception {
        String id = SystemId.forConfig(dir.resolve("config.toml"));
        assertThat(id).matches("[sr]_[A-Za-z0-9]{12}");
        assertThat(SystemId.forConfig(dir.resolve("config.toml"))).isEqualTo(id);
    }
}
