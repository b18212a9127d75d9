package dev.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.Pipeline;
import dev.sluice.executor.ShellExecutor;
import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local dispatcher driven through its API: cancel as Ctrl-C does it, concurrency limits. */
class DispatcherIT {

    @TempDir
    Path dir;

    @TempDir
    Path outside;

    @Test
    void cancelStopsRunningJobsRunsTheirAfterScriptAndSkipsTheRest() throws Exception {
        Path pidFile = outside.resolve("bg.pid");
        write(".gitlab-ci.yml", """
                stages: [build, deploy]
                slow:
                  stage: build
                  script:
                    - sleep 300 & echo $! > "$PID_FILE"
                    - echo started
                    - sleep 300
                  after_script:
                    - echo "after status=$CI_JOB_STATUS"
                later:
                  stage: deploy
                  script: echo never
                """);
        var out = new StringWriter();
        try (var run = LocalRun.open(options(Map.of("PID_FILE", pidFile.toString()), 4))) {
            Dispatcher dispatcher = run.dispatcher(new RunConsole(new PrintWriter(out, true), false));
            CompletableFuture<Pipeline> end = CompletableFuture.supplyAsync(dispatcher::run);
            await(() -> out.toString().contains("slow  > started") && Files.exists(pidFile));

            dispatcher.cancel();
            Pipeline pipeline = end.get(60, TimeUnit.SECONDS);

            assertThat(pipeline.status()).isEqualTo(PipelineStatus.CANCELED);
            assertThat(pipeline.latest("slow").orElseThrow().status()).isEqualTo(JobStatus.CANCELED);
            assertThat(pipeline.latest("later").orElseThrow().status()).isEqualTo(JobStatus.CANCELED);
            assertThat(out.toString()).contains("slow  > after status=canceled").doesNotContain("never");
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            await(() -> Processes.gone(pid));
        }
    }

    @Test
    void concurrencyOneRunsJobsOfAStageOneAfterTheOther() throws Exception {
        write(".gitlab-ci.yml", """
                a:
                  script: [echo a-start, sleep 0.3, echo a-end]
                b:
                  script: [echo b-start, sleep 0.3, echo b-end]
                """);
        var out = new StringWriter();
        try (var run = LocalRun.open(options(Map.of(), 1))) {
            Pipeline pipeline = run.dispatcher(new RunConsole(new PrintWriter(out, true), false)).run();

            assertThat(pipeline.status()).isEqualTo(PipelineStatus.SUCCESS);
            String log = out.toString();
            int firstEnd = Math.min(log.indexOf("> a-end"), log.indexOf("> b-end"));
            int secondStart = Math.max(log.indexOf("> a-start"), log.indexOf("> b-start"));
            assertThat(firstEnd).as(log).isLessThan(secondStart);
        }
    }

    @Test
    void delayedJobStartsWhenItsTimeComes() throws Exception {
        write(".gitlab-ci.yml", """
                later:
                  when: delayed
                  start_in: 1 second
                  script: echo "late"
                """);
        var out = new StringWriter();
        try (var run = LocalRun.open(options(Map.of(), 2))) {
            Instant start = Instant.now();
            Pipeline pipeline = run.dispatcher(new RunConsole(new PrintWriter(out, true), false)).run();

            assertThat(pipeline.status()).isEqualTo(PipelineStatus.SUCCESS);
            assertThat(out.toString()).contains("later > late");
            assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    private LocalRun.Options options(Map<String, String> variables, int concurrency) {
        return new LocalRun.Options(dir, ".gitlab-ci.yml", Optional.of("main"), "push", variables, List.of(), List.of(),
                false, Set.of(), concurrency, true, ShellExecutor::new);
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(dir.resolve(path), text, StandardCharsets.UTF_8);
    }

    /** Polls a condition (never a fixed sleep to synchronise); fails after 30 seconds. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
