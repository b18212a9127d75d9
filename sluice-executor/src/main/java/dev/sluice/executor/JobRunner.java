package dev.sluice.executor;

import dev.sluice.model.JobSpec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Drives one job through an {@link Executor} in gitlab-runner's order: prepare, get sources, restore
 * caches, download artifacts, script, after_script, save caches, upload artifacts, clean up. It owns the
 * job's log: every byte goes through {@link MaskingSink} and {@link LimitedSink} before the caller's sink.
 *
 * <p>{@link #run} blocks on the calling thread; {@link #cancel} and {@link #abort} may be called from any
 * thread. One instance runs one job.
 */
public final class JobRunner {

    /** @param outputLimit bytes of log kept before GitLab's "exceeded limit" notice */
    public record Options(long outputLimit, List<String> tokenPrefixes, Clock clock) {
        public static Options defaults() {
            return new Options(LimitedSink.DEFAULT_LIMIT, MaskingSink.DEFAULT_TOKEN_PREFIXES, Clock.systemUTC());
        }
    }

    private final Executor executor;
    private final Workspace workspace;
    private final Options options;
    private final Cancellation canceled = new Cancellation();
    private volatile boolean aborted;
    private final Cancellation afterScriptCancel = new Cancellation();

    public JobRunner(Executor executor, Workspace workspace, Options options) {
        this.executor = executor;
        this.workspace = workspace;
        this.options = options;
    }

    /** GitLab's graceful cancel: stop the script, still run after_script and upload what a failed job uploads. */
    public void cancel() {
        canceled.cancel();
    }

    /** A hard stop: kill whatever runs, skip after_script and uploads. */
    public void abort() {
        aborted = true;
        canceled.cancel();
        afterScriptCancel.cancel();
    }

    public JobOutcome run(JobSpec given, TraceSink sink) {
        JobSpec job = RunnerPaths.expand(given, workspace.projectDir(given));
        Clock clock = options.clock();
        Instant start = clock.instant();
        Instant deadline = start.plus(job.timeout());
        var masked = new MaskingSink(new LimitedSink(sink, options.outputLimit()),
                JobEnvironment.maskedValues(job.variables()), options.tokenPrefixes());
        var log = new JobLog(masked, clock);
        var projectDir = workspace.projectDir(job);
        var tmpDir = workspace.tmpDir(job);
        try {
            log.info("Running job " + job.name() + " (" + job.id() + ") with Sluice");
            Optional<String> systemFailure = prepare(job, log);
            if (systemFailure.isPresent()) {
                log.error("Job failed (system failure): " + systemFailure.get());
                return finish(log, job, failed(RunFailure.RUNNER_SYSTEM_FAILURE, OptionalInt.empty()), start);
            }
            var caches = new CacheStage(workspace.caches(), projectDir, tmpDir, log, job.variable("CACHE_FALLBACK_KEY"));
            var artifacts = new ArtifactStage(workspace.artifacts(), projectDir, tmpDir, log);
            section(log, BuildStage.RESTORE_CACHE, "Restoring cache", () -> {
                caches.restore(job.caches());
                return null;
            });
            boolean downloaded = section(log, BuildStage.DOWNLOAD_ARTIFACTS, "Downloading artifacts",
                    () -> artifacts.download(job.dependencies()));
            Verdict verdict = downloaded ? script(job, log, deadline) : failed(RunFailure.RUNNER_SYSTEM_FAILURE, OptionalInt.empty());
            if (aborted) {
                return finish(log, job, Verdict.CANCELED, start);
            }
            boolean success = verdict.result() == JobOutcome.Result.SUCCESS;
            section(log, success ? BuildStage.ARCHIVE_CACHE : BuildStage.ARCHIVE_CACHE_ON_FAILURE,
                    success ? "Saving cache for successful job" : "Saving cache for failed job",
                    () -> {
                        caches.save(job.caches(), success);
                        return null;
                    });
            if (job.artifacts().isEmpty()) {
                return finish(log, job, verdict, start);
            }
            var upload = section(log, success ? BuildStage.UPLOAD_ARTIFACTS_ON_SUCCESS : BuildStage.UPLOAD_ARTIFACTS_ON_FAILURE,
                    success ? "Uploading artifacts for successful job" : "Uploading artifacts for failed job",
                    () -> artifacts.upload(job.id(), job.artifacts().get(), success));
            if (success && upload.failure().isPresent()) {
                verdict = failed(upload.failure().get(), verdict.exitCode());
            }
            return finish(log, job, verdict, start).withDotenv(upload.dotenv());
        } finally {
            executor.cleanup();
            Archives.deleteTree(tmpDir);
            masked.close();
        }
    }

    private Optional<String> prepare(JobSpec job, JobLog log) {
        try {
            java.nio.file.Files.createDirectories(workspace.tmpDir(job));
            section(log, BuildStage.PREPARE_EXECUTOR, "Preparing the executor", () -> {
                executor.prepare(job, workspace, log.sink());
                return null;
            });
            section(log, BuildStage.GET_SOURCES, "Getting source from Git repository", () -> {
                workspace.workingCopy().populate(workspace.projectDir(job), log.sink());
                return null;
            });
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Verdict script(JobSpec job, JobLog log, Instant deadline) {
        if (canceled.isCanceled()) {
            return Verdict.CANCELED;
        }
        var timeouts = Timeouts.of(job);
        Duration scriptTimeout = timeouts.forScript(left(deadline));
        StepResult result = step(log, new ScriptStep(BuildStage.STEP_SCRIPT, StepScript.bash(job.script()),
                scriptTimeout, Map.of("CI_JOB_STATUS", "running")), "Executing \"step_script\" stage of the job script", canceled);
        Verdict verdict = Verdict.of(result, scriptTimeout);
        if (!job.afterScript().isEmpty() && !aborted) {
            afterScript(job, log, timeouts.forAfterScript(left(deadline)), verdict);
        }
        return verdict;
    }

    private void afterScript(JobSpec job, JobLog log, Duration timeout, Verdict verdict) {
        if (timeout.isZero()) {
            log.warning("after_script not run: the job timed out");
            return;
        }
        var step = new ScriptStep(BuildStage.AFTER_SCRIPT, StepScript.bash(job.afterScript()), timeout,
                Map.of("CI_JOB_STATUS", verdict.jobStatus()));
        // a graceful cancel still runs after_script; only abort stops it
        StepResult result = step(log, step, "Running after_script", afterScriptCancel);
        if (!result.succeeded()) {
            log.warning("after_script failed, but job will continue unaffected: " + describe(result, timeout));
        }
    }

    private StepResult step(JobLog log, ScriptStep step, String header, Cancellation cancel) {
        return section(log, step.stage(), header, () -> {
            try {
                return executor.run(step, log.sink(), cancel);
            } catch (RuntimeException e) { // an executor bug must not leave the job without an outcome
                return new StepResult.SystemFailure(e.toString());
            }
        });
    }

    private JobOutcome finish(JobLog log, JobSpec job, Verdict verdict, Instant start) {
        switch (verdict.result()) {
            case SUCCESS -> log.notice("Job succeeded");
            case CANCELED -> log.error("Job failed: canceled");
            case FAILED -> log.error("Job failed: " + verdict.message());
        }
        return new JobOutcome(verdict.result(), verdict.failure(), verdict.exitCode(), List.of(),
                Duration.between(start, options.clock().instant()));
    }

    private Duration left(Instant deadline) {
        Duration d = Duration.between(options.clock().instant(), deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Verdict failed(RunFailure failure, OptionalInt exitCode) {
        return new Verdict(JobOutcome.Result.FAILED, Optional.of(failure), exitCode, failure.gitlabName());
    }

    static String describe(StepResult result, Duration timeout) {
        return switch (result) {
            case StepResult.Exited e -> "exit code " + e.exitCode();
            case StepResult.TimedOut t -> "execution took longer than " + GoDuration.format(timeout) + " seconds";
            case StepResult.Canceled c -> "canceled";
            case StepResult.SystemFailure f -> f.message();
        };
    }

    private interface Body<T, E extends Exception> {
        T run() throws E;
    }

    private static <T, E extends Exception> T section(JobLog log, BuildStage stage, String header, Body<T, E> body) throws E {
        log.sectionStart(stage.id(), header);
        try {
            return body.run();
        } finally {
            log.sectionEnd(stage.id());
        }
    }
}
