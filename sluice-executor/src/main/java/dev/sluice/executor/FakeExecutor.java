package dev.sluice.executor;

import dev.sluice.model.JobSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test double: an executor that runs nothing and behaves as the job's variables say, so that engine and
 * server tests are fast and deterministic. Variables (expanded like real ones):
 * <ul>
 *   <li>{@code FAKE_EXIT_CODE}: the script's exit code (default 0);</li>
 *   <li>{@code FAKE_SLEEP_MS}: how long the script "runs"; timeouts and cancels end it early;</li>
 *   <li>{@code FAKE_LOG}: lines the script prints, separated by newlines;</li>
 *   <li>{@code FAKE_FILES}: files the script creates, one {@code path=content} per line (for artifacts);</li>
 *   <li>{@code FAKE_AFTER_SCRIPT_EXIT_CODE}, {@code FAKE_AFTER_SCRIPT_LOG}: the same for after_script;</li>
 *   <li>{@code FAKE_PREPARE_FAILURE}: prepare fails with this message (a runner system failure).</li>
 * </ul>
 * It records the steps it ran and its cleanups for assertions. Thread-safe like any {@link Executor}.
 */
public final class FakeExecutor implements Executor {

    private final List<ScriptStep> steps = new ArrayList<>();
    private int cleanups;
    private Map<String, String> env = Map.of();
    private Path projectDir;

    @Override
    public synchronized void prepare(JobSpec job, Workspace workspace, TraceSink log) throws ExecutorException {
        projectDir = workspace.projectDir(job);
        env = JobEnvironment.resolve(job.variables(), List.of(), workspace.tmpDir(job)).env();
        String failure = env.get("FAKE_PREPARE_FAILURE");
        if (failure != null && !failure.isEmpty()) {
            throw new ExecutorException(failure);
        }
        try {
            Files.createDirectories(projectDir);
        } catch (IOException e) {
            throw new ExecutorException(e.getMessage(), e);
        }
        log.write("Using Fake executor...\n");
    }

    @Override
    public StepResult run(ScriptStep step, TraceSink log, Cancellation cancel) {
        String prefix = step.stage() == BuildStage.AFTER_SCRIPT ? "FAKE_AFTER_SCRIPT_" : "FAKE_";
        synchronized (this) {
            steps.add(step);
        }
        String lines = env.getOrDefault(prefix + "LOG", "");
        if (!lines.isEmpty()) {
            log.write(lines.endsWith("\n") ? lines : lines + "\n");
        }
        if (step.stage() == BuildStage.STEP_SCRIPT) {
            try {
                createFiles();
            } catch (IOException e) {
                return new StepResult.SystemFailure(e.getMessage());
            }
        }
        long sleep = number(step.stage() == BuildStage.STEP_SCRIPT ? "FAKE_SLEEP_MS" : "-");
        var stopped = new CountDownLatch(1);
        Runnable onCancel = stopped::countDown;
        cancel.onCancel(onCancel);
        try {
            boolean interrupted = stopped.await(Math.min(sleep, step.timeout().toMillis()), TimeUnit.MILLISECONDS);
            if (interrupted || cancel.isCanceled()) {
                return new StepResult.Canceled();
            }
            if (sleep > step.timeout().toMillis()) {
                return new StepResult.TimedOut();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepResult.Canceled();
        } finally {
            cancel.remove(onCancel);
        }
        return new StepResult.Exited((int) number(prefix + "EXIT_CODE"));
    }

    private long number(String key) {
        String value = env.getOrDefault(key, "0").strip();
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: '" + value + "'", e);
        }
    }

    private void createFiles() throws IOException {
        for (String line : env.getOrDefault("FAKE_FILES", "").split("\n")) {
            int eq = line.indexOf('=');
            if (line.isBlank()) {
                continue;
            }
            Path file = projectDir.resolve(eq < 0 ? line.strip() : line.substring(0, eq).strip());
            Files.createDirectories(file.getParent());
            Files.writeString(file, eq < 0 ? "" : line.substring(eq + 1) + "\n");
        }
    }

    @Override
    public synchronized void cleanup() {
        cleanups++;
    }

    public synchronized List<ScriptStep> steps() {
        return List.copyOf(steps);
    }

    public synchronized int cleanups() {
        return cleanups;
    }
}
