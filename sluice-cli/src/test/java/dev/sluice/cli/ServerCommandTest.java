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

/** {@code sluice server}: starts the coordinator, keeps its registration token, refuses a wrong one, shows root's token once. */
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
            token = registrationToken(out.toString());
            assertThat(token).startsWith("GR1348941");
            assertThat(out.toString()).contains("Sluice coordinator at " + coordinator.url())
                    .contains("sluice runner register --url " + coordinator.url() + " --token " + token);
            var reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(coordinator.url() + "/api/v4/runners"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"wrong\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(403);
            var password = java.util.regex.Pattern.compile("web UI with the password (\\S+)").matcher(out.toString());
            assertThat(password.find()).as(out.toString()).isTrue();
            var signIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(coordinator.url() + "/-/sign_in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=root&password=" + password.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).as("root signs in with the printed password").isEqualTo(303);
            assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("sluice_session="));
        }
        String admin = adminToken(out.toString());
        assertThat(Files.readString(dir.resolve("data/sluice.mv.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("only its hash is stored").doesNotContain(admin);
        out.getBuffer().setLength(0);
        ServerCommand second = new ServerCommand(terminal);
        new CommandLine(second).parseArgs("--port", "0", "--data-dir", "data");
        try (var ignored = second.start()) {
            assertThat(registrationToken(out.toString())).isEqualTo(token);
            assertThat(out.toString()).as("root's token is shown on the first start only").doesNotContain("glpat-");
        }
    }

    @Test
    void aResetTokenSurvivesARestartUntilTheServerIsStartedWithAnotherOne() throws Exception {
        StringWriter out = new StringWriter();
        var terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()), dir);
        String reset;
        try (var coordinator = start(terminal)) {
            String first = registrationToken(out.toString());
            var reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(coordinator.url()
                            + "/api/v4/runners/reset_registration_token")).header("PRIVATE-TOKEN", adminToken(out.toString()))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
            reset = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.body()).get("token").asText();
            assertThat(reset).isNotEqualTo(first).startsWith("GR1348941");
        }
        out.getBuffer().setLength(0);
        try (var ignored = start(terminal)) {
            assertThat(registrationToken(out.toString())).as("no flag: the reset token is kept").isEqualTo(reset);
        }
        out.getBuffer().setLength(0);
        try (var ignored = start(terminal, "--registration-token", "from-config")) {
            assertThat(registrationToken(out.toString())).isEqualTo("from-config");
            assertThat(out.toString()).contains("The configured registration token replaces the stored one");
        }
        out.getBuffer().setLength(0);
        try (var ignored = start(terminal)) {
            assertThat(registrationToken(out.toString())).as("the configured token is stored").isEqualTo("from-config");
            assertThat(out.toString()).doesNotContain("replaces");
        }
    }

    private static dev.sluice.server.Coordinator start(Terminal terminal, String... args) {
        ServerCommand server = new ServerCommand(terminal);
        var all = new java.util.ArrayList<>(java.util.List.of("--port", "0", "--data-dir", "data"));
        all.addAll(java.util.List.of(args));
        new CommandLine(server).parseArgs(all.toArray(String[]::new));
        return server.start();
    }

    private static String registrationToken(String output) {
        var m = java.util.regex.Pattern.compile("--token (\\S+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    @Test
    void noEmbeddedRunnerTurnsTheEmbeddedRunnerOff() {
        var terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), dir);
        ServerCommand off = new ServerCommand(terminal);
        new CommandLine(off).parseArgs("--no-embedded-runner");
        ServerCommand on = new ServerCommand(terminal);
        new CommandLine(on).parseArgs();
        assertThat(off.embeddedRunner).isFalse();
        assertThat(on.embeddedRunner).isTrue();
    }

    @Test
    void aBadPortIsAUsageError() {
        CliRun run = CliRun.in(dir, "server", "--port", "70000", "--data-dir", "data");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--port: must be between 0 and 65535");
    }

    @Test
    void theEmbeddedRunnerRunsAPipelineWithNothingElseInstalled() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("demo"));
        TestRepo.init(repo).write(".gitlab-ci.yml", "stages: [build, test]\nbuild:\n  stage: build\n  script: echo built\n"
                + "test:\n  script: echo tested\n").commit("first");
        StringWriter out = new StringWriter();
        var terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()), dir);
        ServerCommand command = new ServerCommand(terminal);
        new CommandLine(command).parseArgs("--port", "0", "--data-dir", "data");
        var http = HttpClient.newHttpClient();
        try (var coordinator = command.start()) {
            String admin = adminToken(out.toString());
            var runner = command.startEmbeddedRunner(coordinator);
            try {
                String project = post(http, coordinator.url() + "/api/v4/projects",
                        "{\"name\":\"demo\",\"path\":\"demo\",\"import_url\":\"" + repo + "\"}", admin);
                assertThat(project).contains("\"id\":1");
                post(http, coordinator.url() + "/api/v4/projects/1/pipeline?ref=main", "", admin);
                long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
                String pipeline = "";
                while (System.nanoTime() < deadline && !pipeline.contains("\"status\":\"success\"")) {
                    pipeline = http.send(HttpRequest.newBuilder(URI.create(coordinator.url() + "/api/v4/projects/1/pipelines/1"))
                                    .header("PRIVATE-TOKEN", admin).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    if (pipeline.contains("\"status\":\"failed\"")) {
                        break;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // poll the API as a user would, until the deadline
                }
                assertThat(pipeline).contains("\"status\":\"success\"");
            } finally {
                EmbeddedRunner.stop(runner);
            }
        }
    }

    @Test
    void aDemoDirectoryBecomesAProjectWhosePipelineRunsAtOnceAndAgainWithItsNewFiles() throws Exception {
        Path app = Files.createDirectories(dir.resolve("plain dir/my app")); // not a repository of its own
        StringWriter out = new StringWriter();
        var terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(new StringWriter()), dir);
        var http = HttpClient.newHttpClient();
        for (int start = 1; start <= 2; start++) { // the second start runs the directory's files as they are then
            String word = start == 1 ? "one" : "two";
            Files.writeString(app.resolve(".gitlab-ci.yml"), "test:\n  script: grep -q " + word + " data.txt\n"
                    + "deploy:\n  when: manual\n  script: echo deploy\n");
            Files.writeString(app.resolve("data.txt"), word);
            ServerCommand command = new ServerCommand(terminal);
            new CommandLine(command).parseArgs("--port", "0", "--data-dir", "data", "--demo", "plain dir/my app");
            try (var coordinator = command.start()) {
                String admin = start == 1 ? adminToken(out.toString()) : adminToken;
                adminToken = admin;
                var runner = command.startEmbeddedRunner(coordinator);
                try {
                    command.startDemo(coordinator);
                    assertThat(out.toString()).contains("Demo: project demo/my-app, pipeline #" + start + " started.")
                            .contains(coordinator.url() + "/-/pipelines/" + start);
                    String jobs = awaitJobs(http, coordinator.url() + "/api/v4/projects/demo%2Fmy-app/pipelines/" + start + "/jobs",
                            admin, "\"name\":\"test\",\"stage\":\"test\",\"status\":\"success\"");
                    assertThat(jobs).contains("\"name\":\"deploy\",\"stage\":\"test\",\"status\":\"manual\"");
                } finally {
                    EmbeddedRunner.stop(runner);
                }
            }
        }
    }

    private String adminToken;

    private static String awaitJobs(HttpClient http, String url, String admin, String expected) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        String jobs = "";
        while (System.nanoTime() < deadline && !jobs.contains(expected)) {
            jobs = http.send(HttpRequest.newBuilder(URI.create(url)).header("PRIVATE-TOKEN", admin).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // poll the API as a user would, until the deadline
        }
        assertThat(jobs).contains(expected);
        return jobs;
    }

    /** Root's token, which the first start prints once. */
    private static String adminToken(String output) {
        var m = java.util.regex.Pattern.compile("has the API token (glpat-\\S+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    private static String post(HttpClient http, String url, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("PRIVATE-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
