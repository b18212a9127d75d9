package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.server.Coordinator;
import dev.sluice.server.SyntheticPipelines;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice bench ui}: the coordinator in this process on a fresh H2 data directory, with a project holding a
 * long pipeline history (written through the stores: {@link SyntheticPipelines}), one real pipeline of many jobs
 * (created over the REST API, its first stage run by a runner client) and a job with a big log. Signed in as root, it
 * GETs each web page one request at a time and prints p50/p99/max of the time to the last byte over loopback, next
 * to two baselines in the same run: {@code /-/health} (no session, no page) and the projects list of one project
 * (a session and a page, next to no data). Issue 7's goal: every page under 100 ms server-side.
 */
@Command(name = "ui",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Measure how long the web UI's pages take to render for a project with a long pipeline history and",
            "a pipeline of many jobs, next to a trivial page measured in the same run."})
final class BenchUiCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = BenchRunnerClient.JSON;
    private static final int WARMUP = 10;
    private static final int STAGES = 5;
    /** The web UI's pipelines page size. */
    private static final int PAGE_SIZE = 20;

    @Option(names = "--pipelines", paramLabel = "N", defaultValue = "10000", description = "Pipelines in the project's history (default: ${DEFAULT-VALUE}).")
    int pipelines;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "500", description = "Jobs in the big pipeline, over 5 stages (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--log-mib", paramLabel = "MIB", defaultValue = "16", description = "Size of the big job log (default: ${DEFAULT-VALUE}).")
    int logMib;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "100", description = "Requests per page (default: ${DEFAULT-VALUE}).")
    int requests;

    private final Terminal terminal;
    private BenchRunnerClient client;
    private String cookie;

    BenchUiCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (pipelines < 1 || jobs < STAGES || logMib < 1 || requests < 5) {
            throw UserError.usage("--pipelines and --log-mib must be at least 1, --jobs at least 5, --requests at least 5");
        }
        Path dir = Files.createTempDirectory("sluice-bench-ui");
        PrintWriter out = terminal.out();
        try (Coordinator server = BenchRunnerClient.startCoordinator(dir.resolve("data"));
             var runnerClient = new BenchRunnerClient(server)) {
            client = runnerClient;
            out.printf(Locale.ROOT, "sluice bench ui: %s, H2 in a fresh data directory%n", BenchRunnerClient.environment());
            String sha = repository(dir.resolve("repo"));
            long project = client.importProject(dir.resolve("repo"));
            long start = System.nanoTime();
            SyntheticPipelines.add(server, project, sha, pipelines);
            double seeded = (System.nanoTime() - start) / 1e9;
            long big = JSON.readTree(client.send("POST", "/api/v4/projects/" + project + "/pipeline?ref=main", null, true).body())
                    .get("id").asLong();
            long logJob = runFirstStage();
            cookie = signIn();
            out.printf(Locale.ROOT, "a project with %d pipelines (written in %.1f s) and pipeline #%d of %d jobs, its first stage run;"
                    + " job #%d has a %d MiB log%n", pipelines + 1, seeded, big, jobs, logJob, logMib);
            out.printf(Locale.ROOT, "signed in as root, each page GET %d times one at a time after %d warm-up requests: time to the last"
                    + " byte over loopback%n%n", requests, WARMUP);
            measure(out, project, big, logJob);
        } finally {
            BenchRunnerClient.deleteTree(dir);
        }
        return ExitCodes.OK;
    }

    private void measure(PrintWriter out, long project, long big, long logJob) throws Exception {
        int deep = Math.max(1, Math.min(400, (pipelines + PAGE_SIZE - 1) / PAGE_SIZE));
        String list = "/-/projects/" + project + "/pipelines";
        var pages = new LinkedHashMap<String, String>();
        pages.put("floor: /-/health (no session, no page)", "/-/health");
        pages.put("baseline: projects list (1 project)", "/-/projects");
        pages.put("pipelines list, first page", list);
        pages.put("pipelines list, page " + deep, list + "?page=" + deep);
        pages.put("pipelines list, ref=main status=failed", list + "?ref=main&status=failed");
        pages.put("pipelines list, source=merge_request_event p." + Math.max(1, deep / 4),
                list + "?source=merge_request_event&page=" + Math.max(1, deep / 4));
        pages.put("project page", "/-/projects/" + project);
        pages.put("pipeline page, " + jobs + " jobs", "/-/pipelines/" + big);
        pages.put("job page, " + logMib + " MiB log (its tail)", "/-/jobs/" + logJob);
        out.printf(Locale.ROOT, "  %-48s %9s %9s %9s %8s%n", "", "p50", "p99", "max", "size");
        for (var page : pages.entrySet()) {
            long[] nanos = new long[requests];
            int size = 0;
            for (int i = 0; i < requests + WARMUP; i++) {
                long start = System.nanoTime();
                size = get(page.getValue()).length();
                if (i >= WARMUP) {
                    nanos[i - WARMUP] = System.nanoTime() - start;
                }
            }
            out.printf(Locale.ROOT, "  %-48s %6.2f ms %6.2f ms %6.2f ms %5d KB%n", page.getKey(),
                    BenchCompileCommand.percentile(nanos, 50) / 1e6, BenchCompileCommand.percentile(nanos, 99) / 1e6,
                    BenchCompileCommand.percentile(nanos, 100) / 1e6, size / 1024);
        }
        out.printf(Locale.ROOT, "  %-48s %9s%n", "goal (issue 7): every page", "< 100 ms");
    }

    /** A .gitlab-ci.yml of {@link #jobs} jobs over five stages on main; its commit. */
    private String repository(Path repo) throws Exception {
        Files.createDirectories(repo);
        BenchRunnerClient.git(repo, "init", "-q", "-b", "main");
        var yaml = new StringBuilder("stages: [s0, s1, s2, s3, s4]\n");
        for (int i = 0; i < jobs; i++) {
            yaml.append("job-").append(i).append(":\n  stage: s").append(i % STAGES).append("\n  script: [\"true\"]\n");
        }
        Files.writeString(repo.resolve(".gitlab-ci.yml"), yaml);
        BenchRunnerClient.git(repo, "add", ".gitlab-ci.yml");
        BenchRunnerClient.git(repo, "commit", "-q", "-m", "bench");
        return BenchRunnerClient.git(repo, "rev-parse", "HEAD").strip();
    }

    /** A runner takes the first stage's jobs: the first gets the big log, all succeed. The first's id. */
    private long runFirstStage() throws Exception {
        String runner = client.register("bench-ui");
        byte[] chunk = logChunk();
        long first = -1;
        for (int taken = 0; taken < jobs / STAGES; taken++) {
            BenchHttp.Response r = client.poll(runner, null);
            if (r.status() != 201) {
                throw new IllegalStateException("the runner got " + r.status() + " instead of a job of the first stage");
            }
            JsonNode job = JSON.readTree(r.body());
            if (first < 0) {
                first = job.get("id").asLong();
                long offset = 0;
                for (int i = 0; i < logMib * 4; i++) {
                    offset = client.trace(job, offset, chunk);
                }
                client.succeed(job);
            } else {
                client.finish(job);
            }
        }
        return first;
    }

    /** 256 KiB of log lines as a build prints them: coloured command lines, collapsible sections, plain output. */
    private static byte[] logChunk() {
        var text = new StringBuilder();
        for (int i = 0; text.length() < 256 * 1024 - 200; i++) {
            if (i % 100 == 0) {
                text.append("section_start:1700000000:step_").append(i).append("\r\u001b[0K\u001b[36;1mStep ").append(i).append("\u001b[0;m\n");
            }
            text.append(i % 10 == 0 ? "\u001b[32;1m$ make target-" + i + "\u001b[0;m\n" : "compiling src/module" + i + ".c ... ok\n");
            if (i % 100 == 99) {
                text.append("section_end:1700000001:step_").append(i - 99).append("\r\u001b[0K\n");
            }
        }
        byte[] bytes = new byte[256 * 1024];
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(content, 0, bytes, 0, content.length);
        java.util.Arrays.fill(bytes, content.length, bytes.length, (byte) '\n');
        return bytes;
    }

    /** Gives root a password (over the REST API, as automation does) and signs in; the session's Cookie header value. */
    private String signIn() throws Exception {
        String password = "bench-" + java.util.UUID.randomUUID();
        long root = JSON.readTree(client.send("GET", "/api/v4/user", null, true).body()).get("id").asLong();
        client.send("PUT", "/api/v4/users/" + root, JSON.writeValueAsString(Map.of("password", password)), true);
        var r = client.http().send("POST", "/-/sign_in", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                ("username=root&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return r.header("Set-Cookie").orElseThrow(() -> new IllegalStateException("sign-in answered " + r.status())).split(";")[0];
    }

    private String get(String path) throws Exception {
        var r = client.http().send("GET", path, Map.of("Cookie", cookie), new byte[0]);
        if (r.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.status());
        }
        return r.body();
    }
}
