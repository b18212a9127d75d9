package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.server.Coordinator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the server benchmarks share: the coordinator they measure; a client speaking the runner API as a runner does
 * (register, long-poll for a job, report a trivial job done) and the REST API as root, over loopback
 * ({@link BenchHttp}); the environment line; git; result rows.
 */
final class BenchRunnerClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REGISTRATION = "bench-registration";
    /** Root's token on the benchmarks' fresh stores. */
    static final String ADMIN_TOKEN = "glpat-bench-admin-token-0123";

    private final BenchHttp http;

    /** A client of {@code server}: runner requests, and REST requests as root. */
    BenchRunnerClient(Coordinator server) {
        this.http = new BenchHttp(server.url());
    }

    /** The coordinator the benchmarks measure: in this process, on a fresh H2 data directory, root's token known. */
    static Coordinator startCoordinator(Path dataDir) {
        return Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, dataDir, REGISTRATION, Duration.ofSeconds(50))
                .withAdminToken(ADMIN_TOKEN));
    }

    /** Creates project {@code bench} from the git repository at {@code repo}; its id. */
    long importProject(Path repo) throws Exception {
        var created = send("POST", "/api/v4/projects", JSON.writeValueAsString(Map.of("name", "bench", "import_url", repo.toString())), true);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    /** Registers a runner; its token. */
    String register(String description) throws Exception {
        return JSON.readTree(send("POST", "/api/v4/runners",
                JSON.writeValueAsString(Map.of("token", REGISTRATION, "description", description)), false).body()).get("token").asText();
    }

    /** A runner's jobs/request; with {@code lastUpdate} the server holds it until a job comes or the long poll ends. */
    BenchHttp.Response poll(String token, String lastUpdate) {
        var body = new LinkedHashMap<String, Object>();
        body.put("token", token);
        body.put("info", Map.of("name", "sluice-bench", "features", Map.of("trace_checksum", true)));
        if (lastUpdate != null) {
            body.put("last_update", lastUpdate);
        }
        try {
            return send("POST", "/api/v4/jobs/request", JSON.writeValueAsString(body), false);
        } catch (Exception e) {
            throw new IllegalStateException("jobs/request failed: " + e.getMessage(), e);
        }
    }

    /** What a runner does with a trivial job: one trace chunk, then success. */
    void finish(JsonNode job) throws Exception {
        trace(job, 0, "ok\n".getBytes(StandardCharsets.UTF_8));
        succeed(job);
    }

    /** Reports a taken job's success. */
    void succeed(JsonNode job) throws IOException {
        send("PUT", "/api/v4/jobs/" + job.get("id").asLong(), JSON.writeValueAsString(Map.of("token", job.get("token").asText(),
                "state", "success", "exit_code", 0)), false);
    }

    /** Appends {@code bytes} to a taken job's log at {@code offset}, as a runner's trace PATCH; the offset after them. */
    long trace(JsonNode job, long offset, byte[] bytes) throws IOException {
        var response = http.send("PATCH", "/api/v4/jobs/" + job.get("id").asLong() + "/trace",
                Map.of("JOB-TOKEN", job.get("token").asText(), "Content-Range", offset + "-" + (offset + bytes.length - 1)), bytes);
        if (response.status() != 202) {
            throw new IllegalStateException("a trace chunk of job " + job.get("id") + " (" + job.path("job_info").path("name").asText()
                    + ") at " + offset + " answered " + response.status() + ", Range " + response.header("Range").orElse("-"));
        }
        return offset + bytes.length;
    }

    /** A request (as root when {@code asAdmin}); a 4xx or 5xx answer is the benchmark's failure. */
    BenchHttp.Response send(String method, String path, String body, boolean asAdmin) throws IOException {
        var headers = new LinkedHashMap<String, String>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (asAdmin) {
            headers.put("PRIVATE-TOKEN", ADMIN_TOKEN);
        }
        var r = http.send(method, path, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        if (r.status() >= 400) {
            throw new IllegalStateException(method + " " + path + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }

    BenchHttp http() {
        return http;
    }

    @Override
    public void close() {
        http.close();
    }

    /** A latency row: p50, p99 and max in milliseconds. */
    static void latencyRow(PrintWriter out, int width, String name, long[] nanos) {
        out.printf(Locale.ROOT, "  %-" + width + "s %6.2f ms %6.2f ms %6.2f ms%n", name, BenchCompileCommand.percentile(nanos, 50) / 1e6,
                BenchCompileCommand.percentile(nanos, 99) / 1e6, BenchCompileCommand.percentile(nanos, 100) / 1e6);
    }

    /** What a result depends on, for a benchmark's first line: Sluice's and Java's versions, the CPUs and their load. */
    static String environment() {
        return String.format(Locale.ROOT, "sluice %s, Java %s, %d CPUs, load %s", VersionProvider.version(), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), load());
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Runs git in {@code dir} as the benchmark's user, never prompting; its output. */
    static String git(Path dir, String... args) throws Exception {
        var command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=bench", "-c", "user.email=bench@example.com"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + output);
        }
        return output;
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
