package dev.sluice.cli;

import dev.sluice.config.CompileRequest;
import dev.sluice.config.CompileResult;
import dev.sluice.config.Diagnostics;
import dev.sluice.config.PipelineCompiler;
import dev.sluice.config.yaml.YamlLoader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice bench compile FILE}: warm, in-process time of a full compile next to the time of
 * merely parsing the same YAML with the loader, the floor any compile pays.
 */
@Command(name = "compile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Time a full compile of FILE against parsing its YAML alone (the baseline).",
            "Both run warm in one JVM, interleaved; prints median, p90 and min of each."})
final class BenchCompileCommand implements Callable<Integer> {

    @Mixin
    ConfigSource source = new ConfigSource();

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "30", description = "Measured runs of each (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10", description = "Unmeasured runs of each first (default: ${DEFAULT-VALUE}).")
    int warmup;

    private final Terminal terminal;

    /** Where results end up, so the JIT cannot drop the work being measured as dead code. */
    private static volatile int blackhole;

    private int sink;

    BenchCompileCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (iterations < 1 || warmup < 0) {
            throw UserError.usage("--iterations must be at least 1 and --warmup at least 0");
        }
        CompileRequest request = source.request(terminal.workingDir());
        Supplier<Object> parse = () -> new YamlLoader(request.limits().yaml())
                .load(request.path(), request.text(), new Diagnostics());
        Supplier<Object> compile = () -> new PipelineCompiler().compile(request);
        for (int i = 0; i < warmup; i++) {
            run(parse);
            run(compile);
        }
        long[] parseTimes = new long[iterations];
        long[] compileTimes = new long[iterations];
        for (int i = 0; i < iterations; i++) { // interleaved, so both see the same JIT and GC state
            parseTimes[i] = run(parse);
            compileTimes[i] = run(compile);
        }
        print(request, new PipelineCompiler().compile(request), parseTimes, compileTimes);
        blackhole = sink;
        return ExitCodes.OK;
    }

    private long run(Supplier<Object> work) {
        long start = System.nanoTime();
        Object result = work.get();
        long elapsed = System.nanoTime() - start;
        sink += System.identityHashCode(result) & 1;
        return elapsed;
    }

    private void print(CompileRequest request, CompileResult result, long[] parse, long[] compile) {
        PrintWriter out = terminal.out();
        long lines = request.text().lines().count();
        String jobs = result.pipeline().map(p -> String.valueOf(p.jobs().size()))
                .orElse("n/a (the compiler returned no pipeline, " + Summary.count(result.errors().size(), "error") + ")");
        out.printf(Locale.ROOT, "sluice bench compile %s: %d lines, %d KiB, jobs: %s%n",
                request.path(), lines, request.text().getBytes(StandardCharsets.UTF_8).length / 1024, jobs);
        out.printf(Locale.ROOT, "sluice %s, Java %s, %d CPUs; warmup %d, iterations %d, in-process%n%n",
                VersionProvider.version(), Runtime.version(), Runtime.getRuntime().availableProcessors(), warmup, iterations);
        out.printf(Locale.ROOT, "%-22s %10s %10s %10s%n", "phase", "median", "p90", "min");
        row(out, "parse YAML (baseline)", parse);
        row(out, "full compile", compile);
        out.printf(Locale.ROOT, "%-22s %9.2fx%n", "compile / parse", (double) percentile(compile, 50) / percentile(parse, 50));
    }

    private static void row(PrintWriter out, String name, long[] nanos) {
        out.printf(Locale.ROOT, "%-22s %7.2f ms %7.2f ms %7.2f ms%n", name,
                percentile(nanos, 50) / 1e6, percentile(nanos, 90) / 1e6, percentile(nanos, 0) / 1e6);
    }

    /** Nearest-rank percentile; 0 is the minimum. */
    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank - 1, 0)];
    }
}
