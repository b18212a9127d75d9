package dev.sluice.executor;

import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs steps with bash on this host, in the working copy, like gitlab-runner's shell executor. Each step
 * is a fresh bash in its own session ({@code setsid}); when the step ends, times out or is canceled, the
 * whole session is killed, so no background process outlives its step.
 */
public final class ShellExecutor implements Executor {

    /** @param loginShell run {@code bash --login} (gitlab-runner's default) rather than a clean bash */
    public record Options(boolean loginShell, boolean inheritEnvironment) {
        public static Options defaults() {
            return new Options(false, true);
        }
    }

    private final Options options;
    private Path projectDir;
    private Path tmpDir;
    private JobEnvironment environment;

    public ShellExecutor(Options options) {
        this.options = options;
    }

    public ShellExecutor() {
        this(Options.defaults());
    }

    @Override
    public void prepare(JobSpec job, Workspace workspace, TraceSink log) throws ExecutorException {
        projectDir = workspace.projectDir(job);
        tmpDir = workspace.tmpDir(job);
        var runnerVariables = List.of(
                JobVariable.of("CI_BUILDS_DIR", workspace.buildsDir().toString()),
                JobVariable.of("CI_PROJECT_DIR", projectDir.toString()),
                JobVariable.of("RUNNER_TEMP_PROJECT_DIR", tmpDir.toString()));
        environment = JobEnvironment.resolve(job.variables(), runnerVariables, tmpDir);
        try {
            Files.createDirectories(projectDir);
            Files.createDirectories(tmpDir);
            environment.writeFiles();
        } catch (IOException e) {
            throw new ExecutorException("cannot prepare " + projectDir + ": " + e.getMessage(), e);
        }
        log.write("Using Shell (bash) executor...\n");
    }

    @Override
    public StepResult run(ScriptStep step, TraceSink log, Cancellation cancel) {
        Path scriptFile;
        ProcessGroup group;
        try {
            scriptFile = Files.createTempFile(tmpDir, step.stage().id(), ".sh");
            Files.writeString(scriptFile, step.script());
            group = ProcessGroup.start(processBuilder(step, scriptFile));
        } catch (IOException e) {
            return new StepResult.SystemFailure("cannot start bash: " + e.getMessage());
        }
        Thread reader = Thread.ofVirtual().start(() -> copy(group.process().getInputStream(), log));
        Runnable onCancel = group::kill;
        cancel.onCancel(onCancel);
        try {
            boolean exited = group.process().waitFor(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
            group.kill(); // leftovers of a finished step, or the whole tree on timeout or cancel
            reader.join(java.time.Duration.ofSeconds(10));
            if (cancel.isCanceled()) {
                return new StepResult.Canceled();
            }
            return exited ? new StepResult.Exited(group.process().exitValue()) : new StepResult.TimedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.kill();
            return new StepResult.Canceled();
        } finally {
            cancel.remove(onCancel);
            deleteQuietly(scriptFile);
        }
    }

    private ProcessBuilder processBuilder(ScriptStep step, Path scriptFile) {
        var command = new ArrayList<>(List.of("bash", "--noprofile", "--norc"));
        if (options.loginShell()) {
            command = new ArrayList<>(List.of("bash", "--login"));
        }
        command.add(scriptFile.toString());
        var builder = new ProcessBuilder(command).directory(projectDir.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        if (!options.inheritEnvironment()) {
            env.keySet().retainAll(List.of("PATH", "HOME", "USER", "LANG", "TMPDIR"));
        }
        env.putAll(environment.env());
        env.putAll(step.extraEnv());
        return builder;
    }

    private static void copy(InputStream in, TraceSink log) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                log.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the process is gone; nothing more to read
        }
    }

    @Override
    public void cleanup() {
        if (tmpDir != null) {
            Archives.deleteTree(tmpDir);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp file in a directory cleanup removes anyway
        }
    }
}
