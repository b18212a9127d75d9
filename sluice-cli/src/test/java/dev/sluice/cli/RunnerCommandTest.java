package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice runner register/unregister/run} against a minimal coordinator on loopback. */
class RunnerCommandTest {

    @TempDir
    Path dir;

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile int registerStatus = 201;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v4/runners", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST") && registerStatus == 201) {
                byte[] body = "{\"id\":12,\"token\":\"glrt-fromserver\",\"token_expires_at\":null}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            } else if (exchange.getRequestMethod().equals("POST")) {
                byte[] body = "{\"message\":\"403 Forbidden\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(registerStatus, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void registerWritesTheConfigAndUnregisterRemovesIt() throws IOException {
        Path config = dir.resolve("config.toml");

        CliRun register = CliRun.in(dir, "runner", "register", "--non-interactive", "--url", url(),
                "--registration-token", "reg-token", "--description", "builder", "--tag-list", "build, deploy",
                "--config", config.toString());

        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(register.out()).contains("Runner registered successfully (id 12, executor shell)");
        assertThat(Files.readString(config)).contains("glrt-fromserver").contains("builder").contains(url());

        CliRun unregister = CliRun.in(dir, "runner", "unregister", "--all-runners", "--config", config.toString());

        assertThat(unregister.exitCode()).as(unregister.err()).isZero();
        // the server handed out an authentication token (glrt-): unregistering removes this manager only
        assertThat(requests).containsExactly("POST /api/v4/runners", "DELETE /api/v4/runners/managers");
        assertThat(Files.readString(config)).doesNotContain("glrt-fromserver");
    }

    @Test
    void aRefusedRegistrationIsAClearError() {
        registerStatus = 403;

        CliRun run = CliRun.in(dir, "runner", "register", "--url", url(), "--token", "wrong", "--config",
                dir.resolve("c.toml").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("sluice: error: registering with " + url() + " failed").doesNotContain("\tat ");
        assertThat(dir.resolve("c.toml")).doesNotExist();
    }

    @Test
    void runWithoutAConfigSaysHowToGetOne() {
        CliRun run = CliRun.in(dir, "runner", "run", "--config", dir.resolve("missing.toml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no runner config at").contains("sluice runner register");
    }

    @Test
    void aBrokenConfigIsAUsageError() throws IOException {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "concurrent = [\n");

        CliRun run = CliRun.in(dir, "runner", "run", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(config.toString());
    }
}
