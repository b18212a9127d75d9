package dev.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.server.Coordinator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

    private static final ObjectMapper JSON = BenchRunnerClient.JSON;

    private static final int WARMUP = 5;

    @Option(names = "--pushes", paramLabel = "N", defaultValue = "50", description = "Commits pushed one by one (default: ${DEFAULT-VALUE}).")
    int pushes;

    private final Terminal terminal;
    private BenchRunnerClient client;

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
        try (Coordinator server = BenchRunnerClient.startCoordinator(dir.resolve("data"));
             var runnerClient = new BenchRunnerClient(server)) {
            String base = server.url();
            client = runnerClient;
            Path origin = dir.resolve("origin");
            Files.createDirectories(origin);
            BenchRunnerClient.git(origin, "init", "-q", "-b", "main");
            Files.writeString(origin.resolve(".gitlab-ci.yml"), "first:\n  script: [\"true\"]\n");
            BenchRunnerClient.git(origin, "add", ".gitlab-ci.yml");
            BenchRunnerClient.git(origin, "commit", "-q", "-m", "bench");
            client.importProject(origin);
            Path bare = dir.resolve("plain.git");
            BenchRunnerClient.git(dir, "clone", "-q", "--bare", origin.toString(), bare.toString());
            Path clone = dir.resolve("clone");
            BenchRunnerClient.git(dir, "clone", "-q", base.replace("http://", "http://root:" + BenchRunnerClient.ADMIN_TOKEN + "@") + "/bench.git", clone.toString());
            BenchRunnerClient.git(clone, "remote", "add", "plain", bare.toString());
            BenchRunnerClient.git(clone, "checkout", "-q", "-b", "feature");
            out.printf(Locale.ROOT, "sluice bench push: %s, %s, H2 in a fresh data directory%n%n", BenchRunnerClient.environment(),
                    BenchRunnerClient.git(dir, "--version").strip());
            measure(out, clone);
        } finally {
            BenchRunnerClient.deleteTree(dir);
        }
        return ExitCodes.OK;
    }

    private void measure(PrintWriter out, Path clone) throws Exception {
        String runner = client.register("bench-push");
        String lastUpdate = client.poll(runner, null).header("X-GitLab-Last-Update").orElse("0");
        long[] plain = new long[pushes];
        long[] sluice = new long[pushes];
        long[] pickup = new long[pushes];
        for (int i = 0; i < pushes + WARMUP; i++) {
            commit(clone, i);
            long start = System.nanoTime();
            BenchRunnerClient.git(clone, "push", "-q", "plain", "feature");
            long plainNanos = System.nanoTime() - start;

            String seen = lastUpdate;
            var waiting = CompletableFuture.supplyAsync(() -> client.poll(runner, seen));
            Thread.sleep(5); // let the poll reach the server and wait there: this run measures a runner already waiting
            start = System.nanoTime();
            BenchRunnerClient.git(clone, "push", "-q", "origin", "feature");
            long returned = System.nanoTime();
            BenchHttp.Response taken = waiting.join();
            long received = System.nanoTime();
            if (taken.status() != 201) {
                throw new IllegalStateException("the waiting runner got " + taken.status() + " instead of the pushed commit's job");
            }
            lastUpdate = taken.header("X-GitLab-Last-Update").orElse(lastUpdate);
            client.finish(JSON.readTree(taken.body()));
            if (i >= WARMUP) {
                plain[i - WARMUP] = plainNanos;
                sluice[i - WARMUP] = returned - start;
                pickup[i - WARMUP] = Math.max(0, received - returned);
            }
        }
        out.printf(Locale.ROOT, "%d pushes of one new commit to a branch, each making a one-job pipeline (after %d warm-up pushes)%n",
                pushes, WARMUP);
        out.printf(Locale.ROOT, "  %-50s %9s %9s %9s%n", "", "p50", "p99", "max");
        BenchRunnerClient.latencyRow(out, 50, "floor: git push to a bare repository on disk", plain);
        BenchRunnerClient.latencyRow(out, 50, "git push over HTTP to Sluice (pipeline made)", sluice);
        BenchRunnerClient.latencyRow(out, 50, "push returned -> waiting runner has the job", pickup);
        out.printf(Locale.ROOT, "  %-50s %9s%n", "goal (issue 6)", "< 200 ms");
    }

    private static void commit(Path clone, int i) throws Exception {
        Files.writeString(clone.resolve("change.txt"), "change " + i + "\n");
        BenchRunnerClient.git(clone, "add", "change.txt");
        BenchRunnerClient.git(clone, "commit", "-q", "-m", "change " + i);
    }
}
