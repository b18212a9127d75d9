package dev.sluice.executor.docker;

import dev.sluice.executor.BuildStage;
import dev.sluice.executor.Cancellation;
import dev.sluice.executor.JobRunner;
import dev.sluice.executor.ScriptStep;
import dev.sluice.executor.StepScript;
import dev.sluice.executor.TraceSink;
import dev.sluice.executor.WorkingCopy;
import dev.sluice.executor.Workspace;
import dev.sluice.model.JobSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-job overhead of the Docker executor for a job whose script is {@code true}, next to
 * {@code docker run --rm IMAGE true} on the same engine in the same run. Prints a table (milliseconds).
 * Run: {@code DOCKER_HOST=... java -cp <test classpath> dev.sluice.executor.docker.DockerOverheadBench [runs]}
 */
public final class DockerOverheadBench {

    private interface Sample {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        var options = DockerJobs.options();
        Path root = Files.createTempDirectory("sluice-bench");
        try (var backend = DockerJobs.connect(options)) {
            var workspace = Workspace.local(root, WorkingCopy.existing());
            var job = JobSpec.builder(1, "bench").image(dev.sluice.model.ImageSpec.of(DockerJobs.BUSYBOX)).script("true").build();
            Files.createDirectories(workspace.tmpDir(job));
            var step = new ScriptStep(BuildStage.STEP_SCRIPT, StepScript.bash(job.script()), Duration.ofMinutes(1), Map.of());
            System.out.printf("Docker executor overhead, %d runs each after 3 warm-ups, image %s, engine %s%n%n", runs,
                    DockerJobs.BUSYBOX, options.dockerHost());
            System.out.printf("%-62s %8s %8s %8s %8s%n", "what (ms)", "median", "mean", "min", "max");
            report("docker run --rm IMAGE true (CLI, baseline)", runs, () -> cli(options.dockerHost()));
            report("executor: prepare + one step + cleanup (network, container)", runs, () -> {
                var executor = backend.newExecutor();
                try {
                    executor.prepare(job, workspace, TraceSink.discard());
                    if (!executor.run(step, TraceSink.discard(), new Cancellation()).succeeded()) {
                        throw new IllegalStateException("step failed");
                    }
                } finally {
                    executor.cleanup();
                }
            });
            var prepared = backend.newExecutor();
            try {
                prepared.prepare(job, workspace, TraceSink.discard());
                report("  of which one step: create, start, follow, wait, remove", runs,
                        () -> prepared.run(step, TraceSink.discard(), new Cancellation()));
            } finally {
                prepared.cleanup();
            }
            report("JobRunner: whole job (all stages, log, masking)", runs, () -> {
                var outcome = new JobRunner(backend.newExecutor(), workspace, JobRunner.Options.defaults()).run(job, TraceSink.discard());
                if (!outcome.succeeded()) {
                    throw new IllegalStateException("job failed");
                }
            });
        } finally {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void cli(String host) throws Exception {
        var process = new ProcessBuilder("docker", "run", "--rm", DockerJobs.BUSYBOX, "true").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process.environment().put("DOCKER_HOST", host);
        if (process.start().waitFor() != 0) {
            throw new IllegalStateException("docker run failed");
        }
    }

    private static void report(String what, int runs, Sample sample) throws Exception {
        for (int i = 0; i < 3; i++) {
            sample.run();
        }
        var millis = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sample.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("%-62s %8.0f %8.0f %8.0f %8.0f%n", what, sorted.get(sorted.size() / 2), mean, sorted.getFirst(), sorted.getLast());
    }
}
