package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice server} and {@code sluice runner} as separate processes over loopback, as a team runs
 * them: a project imported from a git repository, pipelines created, played, canceled and retried
 * through the REST API, runners and the server killed with SIGKILL mid-job. Every job appends
 * {@code <name> <CI_JOB_ID>} to a ledger outside its build directory, so the ledger says which jobs ran
 * and how often.
 */
class ServerEndToEndIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern URL_LINE = Pattern.compile("Sluice coordinator at (http://\\S+)");
    static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path tmp;
    final List<Process> processes = new ArrayList<>();
    String url;
    long projectId;

    @AfterEach
    void stopEverything() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aPipelineFinishesAfterTheServerIsKilledMidPipelineWithEveryJobRunOnce() throws Exception {
        Path ledger = tmp.resolve("ledger.txt");
        Path gate = tmp.resolve("gate");
        Process server = startServer(0, "10");
        startRunner("solo");
        importProject("""
                stages: [build, test, deploy]
                variables: {LEDGER: "%s", GATE: "%s"}
                build:
                  stage: build
                  script:
                    - echo "build $CI_JOB_ID" >> "$LEDGER"
                    - mkdir -p out && echo made > out/made.txt
                  artifacts: {paths: [out/]}
                slow:
                  stage: test
                  script:
                    - echo "slow $CI_JOB_ID" >> "$LEDGER"
                    - while [ ! -f "$GATE" ]; do echo waiting; sleep 0.3; done
                quick:
                  stage: test
                  script:
                    - echo "quick $CI_JOB_ID" >> "$LEDGER"
                    - cat out/made.txt
                deploy:
                  stage: deploy
                  script: echo "deploy $CI_JOB_ID" >> "$LEDGER"
                """.formatted(ledger, gate));
        long pipeline = api("POST", "/projects/" + projectId + "/pipeline?ref=main", null).get("id").asLong();
        await("a test-stage job to run", () -> lines(ledger).stream().anyMatch(l -> !l.startsWith("build ")));

        server.destroyForcibly().waitFor();
        int port = URI.create(url).getPort();
        startServer(port, "10");
        Files.createFile(gate);

        JsonNode finished = awaitPipeline(pipeline, s -> s.equals("success") || s.equals("failed"));
        assertThat(finished.get("status").asText()).as("%s\n%s", jobs(pipeline), logs()).isEqualTo("success");
        Map<String, List<Long>> runs = ledgerByName(ledger);
        assertThat(runs).as("every job exactly once").containsOnlyKeys("build", "slow", "quick", "deploy")
                .allSatisfy((name, ids) -> assertThat(ids).hasSize(1));
        for (JsonNode job : jobs(pipeline)) {
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("success");
            assertThat(runs.get(job.get("name").asText())).as("CI_JOB_ID is the server's job id")
                    .containsExactly(job.get("id").asLong());
        }
    }

    @Test
    void jobsAreFailedOverPlayedCanceledAndRetriedAcrossRunnerProcesses() throws Exception {
        Path ledger = tmp.resolve("ledger.txt");
        Path gate = tmp.resolve("gate");
        Path fixed = tmp.resolve("fixed");
        startServer(0, "5");
        Process first = startRunner("first");
        importProject("""
                stages: [fragile, flaky, last]
                variables: {LEDGER: "%s", GATE: "%s", FIXED: "%s"}
                fragile:
                  stage: fragile
                  retry: {max: 1, when: runner_system_failure}
                  script:
                    - echo "fragile $CI_JOB_ID" >> "$LEDGER"
                    - while [ ! -f "$GATE" ]; do echo waiting; sleep 0.3; done
                flaky:
                  stage: flaky
                  script:
                    - echo "flaky $CI_JOB_ID" >> "$LEDGER"
                    - test -f "$FIXED"
                long:
                  stage: last
                  script:
                    - echo "long $CI_JOB_ID" >> "$LEDGER"
                    - while true; do echo still here; sleep 0.3; done
                deploy:
                  stage: last
                  when: manual
                  script: echo "deploy $CI_JOB_ID" >> "$LEDGER"
                """.formatted(ledger, gate, fixed));
        long pipeline = api("POST", "/projects/" + projectId + "/pipeline?ref=main", null).get("id").asLong();
        await("the fragile job to run", () -> lines(ledger).size() == 1);

        first.destroyForcibly().waitFor();
        startRunner("second");
        await("the fragile job to fail over", () -> lines(ledger).size() == 2);
        JsonNode lost = job(pipeline, "fragile", true).getFirst();
        assertThat(lost.get("status").asText()).isEqualTo("failed");
        assertThat(lost.get("failure_reason").asText()).isEqualTo("runner_system_failure");
        Files.createFile(gate);

        JsonNode flaky = awaitJob(pipeline, "flaky", "failed");
        Files.createFile(fixed);
        JsonNode retried = api("POST", "/projects/" + projectId + "/jobs/" + flaky.get("id").asLong() + "/retry", null);
        assertThat(retried.get("id").asLong()).isNotEqualTo(flaky.get("id").asLong());
        awaitJob(pipeline, "flaky", "success");

        JsonNode deploy = awaitJob(pipeline, "deploy", "manual");
        JsonNode long_ = awaitJob(pipeline, "long", "running");
        api("POST", "/projects/" + projectId + "/jobs/" + deploy.get("id").asLong() + "/play", null);
        api("POST", "/projects/" + projectId + "/jobs/" + long_.get("id").asLong() + "/cancel", null);
        awaitJob(pipeline, "long", "canceled");
        awaitJob(pipeline, "deploy", "success");
        awaitPipeline(pipeline, s -> s.equals("canceled") || s.equals("success") || s.equals("failed"));

        Map<String, List<Long>> runs = ledgerByName(ledger);
        assertThat(runs).containsOnlyKeys("fragile", "flaky", "long", "deploy");
        assertThat(runs.get("fragile")).hasSize(2).doesNotHaveDuplicates();
        assertThat(runs.get("flaky")).containsExactly(flaky.get("id").asLong(), retried.get("id").asLong());
        assertThat(runs.get("long")).containsExactly(long_.get("id").asLong());
        assertThat(runs.get("deploy")).containsExactly(deploy.get("id").asLong());
    }

    // ---- processes

    /** {@code sluice server} without an embedded runner; returns once it printed where it listens. */
    private Process startServer(int port, String runnerTimeoutSeconds) throws Exception {
        Path log = tmp.resolve("server-" + processes.size() + ".log");
        Process server = start(log, "server", "--port", Integer.toString(port), "--data-dir", tmp.resolve("data").toString(),
                "--registration-token", "e2e-token", "--no-embedded-runner", "--runner-timeout", runnerTimeoutSeconds);
        await("the server to print its URL (" + log + ")", () -> URL_LINE.matcher(read(log)).find() || !server.isAlive());
        Matcher m = URL_LINE.matcher(read(log));
        assertThat(m.find()).as(read(log)).isTrue();
        url = m.group(1);
        return server;
    }

    /** Registers a shell runner with its own config file, then runs it as a separate process. */
    private Process startRunner(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runner-" + name));
        Path config = dir.resolve("config.toml");
        Process register = start(dir.resolve("register.log"), "runner", "register", "--config", config.toString(),
                "--url", url, "--token", "e2e-token", "--description", name, "--executor", "shell", "--non-interactive");
        assertThat(register.waitFor()).as(read(dir.resolve("register.log"))).isZero();
        return start(dir.resolve("run.log"), "runner", "run", "--config", config.toString());
    }

    private Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.sluice.cli.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SLUICE_ADMIN_TOKEN", ADMIN_TOKEN); // root's token on the server's first start
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    // ---- the project and its pipelines, through the REST API

    private void importProject(String ciYaml) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        TestRepo.init(repo).write(".gitlab-ci.yml", ciYaml).commit("the pipeline");
        projectId = api("POST", "/projects", JSON.createObjectNode().put("name", "e2e").put("import_url", repo.toString())
                .toString()).get("id").asLong();
    }

    /**
     * Every REST call of this test (not the runner API, which the runner processes speak): one place for
     * what the API asks of a caller.
     */
    private static final String ADMIN_TOKEN = "glpat-end-to-end-admin-0123";

    private JsonNode api(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url + "/api/v4" + path)).timeout(PATIENCE)
                .header("Content-Type", "application/json").header("PRIVATE-TOKEN", ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private JsonNode jobs(long pipeline) throws Exception {
        return api("GET", "/projects/" + projectId + "/pipelines/" + pipeline + "/jobs", null);
    }

    /** The jobs called {@code name}, oldest first; with {@code retried} the replaced attempts too. */
    private List<JsonNode> job(long pipeline, String name, boolean retried) throws Exception {
        var all = api("GET", "/projects/" + projectId + "/pipelines/" + pipeline + "/jobs" + (retried ? "?include_retried=true" : ""),
                null);
        List<JsonNode> out = new ArrayList<>();
        all.forEach(j -> {
            if (j.get("name").asText().equals(name)) {
                out.add(j);
            }
        });
        return out;
    }

    private JsonNode awaitJob(long pipeline, String name, String status) throws Exception {
        JsonNode[] found = new JsonNode[1];
        await(name + " to be " + status, () -> {
            var latest = job(pipeline, name, false);
            found[0] = latest.isEmpty() ? null : latest.getLast();
            return found[0] != null && found[0].get("status").asText().equals(status);
        });
        return found[0];
    }

    private JsonNode awaitPipeline(long pipeline, Predicate<String> status) throws Exception {
        JsonNode[] found = new JsonNode[1];
        await("pipeline " + pipeline + " to finish", () -> {
            found[0] = api("GET", "/projects/" + projectId + "/pipelines/" + pipeline, null);
            return status.test(found[0].get("status").asText());
        });
        return found[0];
    }

    // ---- the ledger

    private static List<String> lines(Path ledger) throws IOException {
        return Files.exists(ledger) ? Files.readAllLines(ledger) : List.of();
    }

    /** Job name to the CI_JOB_IDs it ran with, in ledger order. */
    private static Map<String, List<Long>> ledgerByName(Path ledger) throws IOException {
        return lines(ledger).stream().map(l -> l.split(" ")).collect(Collectors.groupingBy(f -> f[0], TreeMap::new,
                Collectors.mapping(f -> Long.parseLong(f[1]), Collectors.toList())));
    }

    // ---- waiting

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds; fails naming what it waited for, with the process logs. */
    private void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "\n" + logs());
            }
            Thread.sleep(100);
        }
    }

    private String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        try (var files = Files.walk(tmp)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log") && !p.startsWith(tmp.resolve("data"))).toList()) {
                out.append("--- ").append(tmp.relativize(log)).append('\n').append(read(log));
            }
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
