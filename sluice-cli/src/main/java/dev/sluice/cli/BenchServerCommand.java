package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.server.Coordinator;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice bench server}: the coordinator in this process on a fresh H2 data directory, driven over
 * loopback HTTP by clients speaking the runner API exactly as a runner does. Three measurements, each next
 * to a floor measured in the same run:
 * <ul>
 *   <li>pickup latency: a runner is already waiting in its long poll; a job reports success, so the next
 *   stage's job becomes pending; the time until the waiting runner's poll returns it (an upper bound: it
 *   includes the success update), next to the round trip of the cheapest authenticated request;</li>
 *   <li>throughput: trivial jobs (take, one trace chunk, success) through the full API with several
 *   runners, next to the rate of the cheapest authenticated request with as many clients;</li>
 *   <li>trace ingestion: one job's log sent in chunks, next to the same chunks posted to a sink server.</li>
 * </ul>
 */
@Command(name = "server",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Measure job pickup latency, job throughput and trace ingestion of an in-process coordinator",
            "(H2, fresh data directory) over loopback, each next to a floor measured in the same run."})
final class BenchServerCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = BenchRunnerClient.JSON;

    @Option(names = "--pickups", paramLabel = "N", defaultValue = "200", description = "Jobs in the chain of stages for the pickup run (default: ${DEFAULT-VALUE}).")
    int pickups;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2000", description = "Trivial jobs in each throughput round (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Throughput rounds of --jobs jobs each, one after another (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--runners", paramLabel = "N", defaultValue = "4", description = "Runners taking jobs at once (default: ${DEFAULT-VALUE}).")
    int runners;

    @Option(names = "--trace-mib", paramLabel = "MIB", defaultValue = "64", description = "Log size sent for the ingestion run (default: ${DEFAULT-VALUE}).")
    int traceMib;

    private final Terminal terminal;
    private BenchRunnerClient client;

    BenchServerCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (pickups < 10 || jobs < 100 || rounds < 1 || runners < 1 || traceMib < 1) {
            throw UserError.usage("--pickups must be at least 10, --jobs at least 100, --rounds, --runners and --trace-mib at least 1");
        }
        Path dir = Files.createTempDirectory("sluice-bench-server");
        PrintWriter out = terminal.out();
        try (Coordinator server = BenchRunnerClient.startCoordinator(dir.resolve("data"));
             var runnerClient = new BenchRunnerClient(server)) {
            client = runnerClient;
            long project = createProject(dir.resolve("repo"));
            out.printf(Locale.ROOT, "sluice bench server: %s, H2 in a fresh data directory%n%n", BenchRunnerClient.environment());
            pickupLatency(out, project);
            throughput(out, project);
            traceIngestion(out, project);
        } finally {
            BenchRunnerClient.deleteTree(dir);
        }
        return ExitCodes.OK;
    }

    private void pickupLatency(PrintWriter out, long project) throws Exception {
        String runner = client.register("pickup");
        long[] floor = new long[pickups];
        for (int i = 0; i < pickups + 20; i++) { // the first 20 warm up
            long start = System.nanoTime();
            client.poll(runner, null);
            if (i >= 20) {
                floor[i - 20] = System.nanoTime() - start;
            }
        }
        createPipeline(project, "pickup");
        JsonNode running = JSON.readTree(client.poll(runner, null).body());
        long[] latency = new long[pickups - 1];
        String lastUpdate = "0";
        for (int i = 0; i < latency.length; i++) {
            String seen = lastUpdate;
            var waiting = CompletableFuture.supplyAsync(() -> client.poll(runner, seen));
            Thread.sleep(5); // let the poll reach the server and wait there: this run measures a runner already waiting
            long start = System.nanoTime();
            client.finish(running); // the next stage's job becomes pending while this update is handled
            BenchHttp.Response taken = waiting.join();
            latency[i] = System.nanoTime() - start;
            if (taken.status() != 201) {
                throw new IllegalStateException("the waiting runner got " + taken.status() + " instead of the next job");
            }
            lastUpdate = taken.header("X-GitLab-Last-Update").orElse(lastUpdate);
            running = JSON.readTree(taken.body());
        }
        client.finish(running);
        out.printf(Locale.ROOT, "pickup latency, %d jobs in a chain of stages: a job reports success, the next stage's job%n"
                + "  becomes pending and goes to a runner already waiting (an upper bound: includes the success update)%n", latency.length);
        out.printf(Locale.ROOT, "  %-44s %9s %9s %9s%n", "", "p50", "p99", "max");
        BenchRunnerClient.latencyRow(out, 44, "floor: jobs/request answered 204", floor);
        BenchRunnerClient.latencyRow(out, 44, "success sent -> waiting runner has next job", latency);
        out.printf(Locale.ROOT, "  %-44s %9s%n%n", "GitLab: runner polls every 3 s (check_interval)", "1500 ms avg");
    }

    private void throughput(PrintWriter out, long project) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < runners; i++) {
            tokens.add(client.register("throughput-" + i));
        }
        int perRunner = 2000;
        long floorStart = System.nanoTime();
        long floorCpu = cpuNanos();
        parallel(tokens, token -> {
            for (int i = 0; i < perRunner; i++) {
                client.poll(token, null);
            }
        });
        double floorRate = runners * perRunner / seconds(System.nanoTime() - floorStart);
        double floorCpuMs = (cpuNanos() - floorCpu) / 1e6 / (runners * perRunner);

        out.printf(Locale.ROOT, "throughput, %d rounds of %d trivial jobs in pipelines of 2 stages, %d runners; the first round in a%n"
                + "  fresh JVM includes the JIT's warm-up, the last is the steady state%n", rounds, jobs, runners);
        out.printf(Locale.ROOT, "  %-44s %9.0f requests/s, CPU %.2f ms per request%n", "floor: jobs/request answered 204", floorRate,
                floorCpuMs);
        for (int round = 1; round <= rounds; round++) {
            throughputRound(out, project, tokens, round);
        }
        out.println();
    }

    /** Creates the round's pipelines, then lets every runner take, trace and finish jobs until all are done. */
    private void throughputRound(PrintWriter out, long project, List<String> tokens, int round) throws Exception {
        int perPipeline = 20;
        int pipelines = (jobs + perPipeline - 1) / perPipeline;
        long createStart = System.nanoTime();
        for (int i = 0; i < pipelines; i++) {
            createPipeline(project, "throughput");
        }
        double createSeconds = seconds(System.nanoTime() - createStart);
        int total = pipelines * perPipeline;
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        long cpu = cpuNanos();
        long jit = jitMillis();
        long gc = gcMillis();
        parallel(tokens, token -> {
            while (done.get() < total) {
                BenchHttp.Response r = client.poll(token, null);
                if (r.status() == 201) {
                    client.finish(JSON.readTree(r.body()));
                    done.incrementAndGet();
                }
            }
        });
        double elapsed = seconds(System.nanoTime() - start);
        double cpuMs = (cpuNanos() - cpu) / 1e6 / total;
        double jitMs = (double) (jitMillis() - jit) / total;
        double gcMs = (double) (gcMillis() - gc) / total;
        out.printf(Locale.ROOT, "  %-44s %9.0f jobs/s (%.0f requests/s), CPU %.2f ms per job (JIT compiling %.2f, GC %.2f)%n",
                "round " + round + ": take + trace + success", total / elapsed, 3 * total / elapsed, cpuMs, jitMs, gcMs);
        out.printf(Locale.ROOT, "  %-44s %9.0f pipelines/s (compile, plan, enqueue)%n", "round " + round + ": creating its " + pipelines
                + " pipelines first", pipelines / createSeconds);
    }

    private void traceIngestion(PrintWriter out, long project) throws Exception {
        int chunk = 256 * 1024;
        int chunks = traceMib * 4;
        byte[] bytes = new byte[chunk];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 80 == 79 ? '\n' : 'a' + i % 26);
        }
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        sink.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        sink.start();
        long floorStart = System.nanoTime();
        try (var toSink = new BenchHttp("http://127.0.0.1:" + sink.getAddress().getPort())) {
            for (int i = 0; i < chunks; i++) {
                toSink.send("PATCH", "/", java.util.Map.of(), bytes);
            }
        } finally {
            sink.stop(0);
        }
        double floorSeconds = seconds(System.nanoTime() - floorStart);

        String runner = client.register("trace");
        createPipeline(project, "trace");
        JsonNode job = JSON.readTree(client.poll(runner, null).body());
        long start = System.nanoTime();
        long offset = 0;
        for (int i = 0; i < chunks; i++) {
            offset = client.trace(job, offset, bytes);
        }
        double elapsed = seconds(System.nanoTime() - start);
        client.succeed(job);
        out.printf(Locale.ROOT, "trace ingestion, %d MiB in %d KiB chunks%n", traceMib, chunk / 1024);
        out.printf(Locale.ROOT, "  %-44s %9.1f MiB/s%n", "floor: same chunks to a discarding server", traceMib / floorSeconds);
        out.printf(Locale.ROOT, "  %-44s %9.1f MiB/s%n", "PATCH /jobs/:id/trace, stored", traceMib / elapsed);
    }

    private long createProject(Path repo) throws Exception {
        Files.createDirectories(repo);
        BenchRunnerClient.git(repo, "init", "-q", "-b", "main");
        StringBuilder pickup = new StringBuilder("stages: [");
        for (int i = 0; i < pickups; i++) {
            pickup.append(i == 0 ? "" : ", ").append("s").append(i);
        }
        pickup.append("]\n");
        for (int i = 0; i < pickups; i++) {
            pickup.append("j").append(i).append(":\n  stage: s").append(i).append("\n  script: [\"true\"]\n");
        }
        StringBuilder throughput = new StringBuilder("stages: [a, b]\n");
        for (int i = 0; i < 10; i++) {
            throughput.append("a").append(i).append(":\n  stage: a\n  script: [\"true\"]\n");
            throughput.append("b").append(i).append(":\n  stage: b\n  script: [\"true\"]\n");
        }
        commitBranch(repo, "pickup", pickup.toString());
        commitBranch(repo, "throughput", throughput.toString());
        commitBranch(repo, "trace", "log:\n  script: [\"true\"]\n");
        return client.importProject(repo);
    }

    private static void commitBranch(Path repo, String branch, String yaml) throws Exception {
        BenchRunnerClient.git(repo, "checkout", "-q", "-B", branch);
        Files.writeString(repo.resolve(".gitlab-ci.yml"), yaml);
        BenchRunnerClient.git(repo, "add", ".gitlab-ci.yml");
        BenchRunnerClient.git(repo, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", branch);
    }

    private long createPipeline(long project, String ref) throws Exception {
        var r = client.send("POST", "/api/v4/projects/" + project + "/pipeline?ref=" + ref, null, true);
        return JSON.readTree(r.body()).get("id").asLong();
    }

    interface RunnerWork {
        void run(String token) throws Exception;
    }

    private static void parallel(List<String> tokens, RunnerWork work) {
        var futures = tokens.stream().map(t -> CompletableFuture.runAsync(() -> {
            try {
                work.run(t);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Thread::startVirtualThread)).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(futures).join();
    }

    /**
     * CPU time this process has used (server and clients together): a cost per job that another program's load on
     * the machine changes much less than it changes wall-clock rates.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Time the JIT compilers have spent so far, in milliseconds: the warm-up share of a round's CPU time. */
    private static long jitMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** Time the garbage collectors have spent so far, in milliseconds. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
