package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice server}: starts the coordinator, keeps its registration token, refuses a wrong one. */
class ServerCommandTest {

    @TempDir
    Path dir;

    @Test
    void startsAndKeepsItsRegistrationTokenAcrossStarts() throws Exception {
        StringWriter out = new StringWriter();
        var terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()), dir);
        ServerCommand first = new ServerCommand(terminal);
        new CommandLine(first).parseArgs("--port", "0", "--data-dir", "data");
        String token;
        try (var coordinator = first.start()) {
            token = Files.readString(dir.resolve("data/registration-token")).trim();
            assertThat(out.toString()).contains("Sluice coordinator at " + coordinator.url())
                    .contains("sluice runner register --url " + coordinator.url() + " --token " + token);
            var reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(coordinator.url() + "/api/v4/runners"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"wrong\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(403);
        }
        ServerCommand second = new ServerCommand(terminal);
        new CommandLine(second).parseArgs("--port", "0", "--data-dir", "data");
        try (var ignored = second.start()) {
            assertThat(Files.readString(dir.resolve("data/registration-token")).trim()).isEqualTo(token);
        }
    }

    @Test
    void aBadPortIsAUsageError() {
        CliRun run = CliRun.in(dir, "server", "--port", "70000", "--data-dir", "data");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--port: must be between 0 and 65535");
    }
}
