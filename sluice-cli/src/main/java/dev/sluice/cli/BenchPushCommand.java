package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.server.Coordinator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice bench push}: the coordinator in this process on a fresh H2 data directory, a runner already waiting
 * in its long poll, and the real {@code git push} over HTTP of one new commit at a time. It prints how long the push
 * takes next to the same push to a plain bare repository on disk (the floor: git's own work), and how long after
 * the push returned the waiting runner had the pipeline's first job (issue 6's goal: under 200 ms). Sluice makes
 * the pipeline in the push's post-receive hook, so the job is queued before git returns; the push's extra time is
 * where that cost shows.
 */
@Command(name = "push",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Measure git push over HTTP to an in-process coordinator and the time until a waiting runner has",
            "the pushed commit's first job, next to the same pushes to a bare repository on disk."})
final class BenchPushCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTRATION = "bench-registration";
    private static final int WARMUP = 5;

    @Option(names = "--pushes", paramLabel = "N", defaultValue = "50", description = "Commits pushed one by one (default: ${DEFAULT-VALUE}).")
    int pushes;

    private final Terminal terminal;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String adminToken = "glpat-bench-" + UUID.randomUUID();
    private String base;

    BenchPushCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (pushes < 5) {
            throw UserError.usage("--pushes must be at least 5");
        }
        Path dir = Files.createTempDirectory("sluice-bench-push");
        PrintWriter out = terminal.out();
        try (Coordinator server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, dir.resolve("data"), REGISTRATION,
                Duration.ofSeconds(50)).withAdminToken(adminToken))) {
            base = server.url();
            Path origin = dir.resolve("origin");
            Files.createDirectories(origin);
            git(origin, "init", "-q", "-b", "main");
            Files.writeString(origin.resolve(".gitlab-ci.yml"), "first:\n  script: [\"true\"]\n");
            git(origin, "add", ".gitlab-ci.yml");
            git(origin, "commit", "-q", "-m", "bench");
            send("POST", "/api/v4/projects", JSON.writeValueAsString(Map.of("name", "bench", "import_url", origin.toString())), true);
            Path bare = dir.resolve("plain.git");
            git(dir, "clone", "-q", "--bare", origin.toString(), bare.toString());
            Path clone = dir.resolve("clone");
            git(dir, "clone", "-q", base.replace("http://", "http://root:" + adminToken + "@") + "/bench.git", clone.toString());
            git(clone, "remote", "add", "plain", bare.toString());
            git(clone, "checkout", "-q", "-b", "feature");
            out.printf(Locale.ROOT, "sluice bench push: sluice %s, Java %s, %d CPUs, load %s, %s, H2 in a fresh data directory%n%n",
                    VersionProvider.version(), Runtime.version(), Runtime.getRuntime().availableProcessors(), load(),
                    git(dir, "--version").strip());
            measure(out, clone);
        } finally {
            deleteTree(dir);
        }
        return ExitCodes.OK;
    }

    private void measure(PrintWriter out, Path clone) throws Exception {
        String runner = JSON.readTree(send("POST", "/api/v4/runners",
                JSON.writeValueAsString(Map.of("token", REGISTRATION, "description", "bench-push")), false).body()).get("token").asText();
        String lastUpdate = poll(runner, null).headers().firstValue("X-GitLab-Last-Update").orElse("0");
        long[] plain = new long[pushes];
        long[] sluice = new long[pushes];
        long[] pickup = new long[pushes];
        for (int i = 0; i < pushes + WARMUP; i++) {
            commit(clone, i);
            long start = System.nanoTime();
            git(clone, "push", "-q", "plain", "feature");
            long plainNanos = System.nanoTime() - start;

            String seen = lastUpdate;
            var waiting = CompletableFuture.supplyAsync(() -> poll(runner, seen));
            Thread.sleep(5); // let the poll reach the server and wait there: this run measures a runner already waiting
            start = System.nanoTime();
            git(clone, "push", "-q", "origin", "feature");
            long returned = System.nanoTime();
            HttpResponse<String> taken = waiting.join();
            long received = System.nanoTime();
            if (taken.statusCode() != 201) {
                throw new IllegalStateException("the waiting runner got " + taken.statusCode() + " instead of the pushed commit's job");
            }
            lastUpdate = taken.headers().firstValue("X-GitLab-Last-Update").orElse(lastUpdate);
            finish(JSON.readTree(taken.body()));
            if (i >= WARMUP) {
                plain[i - WARMUP] = plainNanos;
                sluice[i - WARMUP] = returned - start;
                pickup[i - WARMUP] = Math.max(0, received - returned);
            }
        }
        out.printf(Locale.ROOT, "%d pushes of one new commit to a branch, each making a one-job pipeline (after %d warm-up pushes)%n",
                pushes, WARMUP);
        out.printf(Locale.ROOT, "  %-50s %9s %9s %9s%n", "", "p50", "p99", "max");
        row(out, "floor: git push to a bare repository on disk", plain);
        row(out, "git push over HTTP to Sluice (pipeline made)", sluice);
        row(out, "push returned -> waiting runner has the job", pickup);
        out.printf(Locale.ROOT, "  %-50s %9s%n", "goal (issue 6)", "< 200 ms");
    }

    private static void commit(Path clone, int i) throws Exception {
        Files.writeString(clone.resolve("change.txt"), "change " + i + "\n");
        git(clone, "add", "change.txt");
        git(clone, "commit", "-q", "-m", "change " + i);
    }

    /** A runner's jobs/request, held by the server until a job comes or the long poll ends. */
    private HttpResponse<String> poll(String token, String lastUpdate) {
        var body = new java.util.LinkedHashMap<String, Object>();
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

    private void finish(JsonNode job) throws Exception {
        var r = send("PUT", "/api/v4/jobs/" + job.get("id").asLong(), JSON.writeValueAsString(Map.of("token", job.get("token").asText(),
                "state", "success", "exit_code", 0)), false);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("job update answered " + r.statusCode());
        }
    }

    private HttpResponse<String> send(String method, String path, String body, boolean asAdmin) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (asAdmin) {
            b.header("PRIVATE-TOKEN", adminToken);
        }
        var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static void row(PrintWriter out, String name, long[] nanos) {
        out.printf(Locale.ROOT, "  %-50s %6.2f ms %6.2f ms %6.2f ms%n", name, BenchCompileCommand.percentile(nanos, 50) / 1e6,
                BenchCompileCommand.percentile(nanos, 99) / 1e6, BenchCompileCommand.percentile(nanos, 100) / 1e6);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path dir, String... args) throws Exception {
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

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
