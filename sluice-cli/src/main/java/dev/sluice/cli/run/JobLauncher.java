package dev.sluice.cli.run;

import dev.sluice.engine.plan.Slugs;
import dev.sluice.executor.ArtifactStore;
import dev.sluice.executor.CacheStore;
import dev.sluice.executor.Executor;
import dev.sluice.executor.JobOutcome;
import dev.sluice.executor.JobRunner;
import dev.sluice.executor.ShellExecutor;
import dev.sluice.executor.LocalArtifactStore;
import dev.sluice.executor.RunFailure;
import dev.sluice.executor.TraceSink;
import dev.sluice.executor.WorkingCopy;
import dev.sluice.executor.Workspace;
import dev.sluice.model.JobSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Where the jobs of a local run go: each in its own working copy under
 * {@code .sluice/builds/<pipeline>/<job>/}, artifacts per pipeline under
 * {@code .sluice/artifacts/<pipeline>/}, caches shared across runs under {@code .sluice/cache/},
 * logs under {@code .sluice/logs/<pipeline>/}.
 */
public final class JobLauncher {

    /** One job about to run; {@link #cancel} and {@link #abort} may come from any thread. */
    public interface Launch {
        JobOutcome run();

        void cancel();

        void abort();
    }

    private final Supplier<Executor> executors;
    private final Path stateDir;
    private final WorkingCopy sources;
    private final CacheStore caches;
    private final RunConsole console;
    private final JobRunner.Options options;

    public JobLauncher(Supplier<Executor> executors, Path stateDir, WorkingCopy sources, CacheStore caches,
                       RunConsole console, JobRunner.Options options) {
        this.executors = executors;
        this.stateDir = stateDir;
        this.sources = sources;
        this.caches = caches;
        this.console = console;
        this.options = options;
    }

    public RunConsole console() {
        return console;
    }

    ArtifactStore artifacts(long pipelineId) {
        return new LocalArtifactStore(stateDir.resolve("artifacts").resolve(Long.toString(pipelineId)));
    }

    boolean hasArchive(long pipelineId, long jobId) {
        try {
            return artifacts(pipelineId).find(jobId, ArtifactStore.ARCHIVE).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    Path logFile(long pipelineId, JobSpec spec) {
        return stateDir.resolve("logs").resolve(Long.toString(pipelineId)).resolve(dirName(spec) + ".log");
    }

    Launch prepare(long pipelineId, String label, JobSpec spec) {
        String dir = dirName(spec);
        var workspace = new Workspace(stateDir.resolve("builds").resolve(Long.toString(pipelineId)).resolve(dir),
                sources, artifacts(pipelineId), caches);
        Executor executor = executors.get();
        boolean onThisMachine = executor instanceof ShellExecutor;
        var runner = new JobRunner(executor, workspace, options);
        return new Launch() {
            @Override
            public JobOutcome run() {
                TraceSink sink;
                try {
                    sink = console.jobSink(label, logFile(pipelineId, spec));
                } catch (IOException e) {
                    console.notice("sluice: cannot write the log of " + label + ": " + e.getMessage());
                    return new JobOutcome(JobOutcome.Result.FAILED, Optional.of(RunFailure.RUNNER_SYSTEM_FAILURE),
                            OptionalInt.empty(), List.of(), Duration.ZERO);
                }
                try {
                    if (onThisMachine) {
                        spec.image().ifPresent(image -> sink.write("Notice: image " + image.name()
                                + " is not used: the shell executor runs this job on this machine\n"));
                    }
                    return runner.run(spec, sink);
                } finally {
                    sink.close();
                }
            }

            @Override
            public void cancel() {
                runner.cancel();
            }

            @Override
            public void abort() {
                runner.abort();
            }
        };
    }

    private static String dirName(JobSpec spec) {
        return spec.id() + "-" + Slugs.ref(spec.name());
    }
}
