package dev.sluice.runner;

import dev.sluice.executor.Executor;
import dev.sluice.executor.JobOutcome;
import dev.sluice.executor.JobRunner;
import dev.sluice.executor.MaskingSink;
import dev.sluice.model.JobSpec;
import dev.sluice.protocol.FailureReasons;
import dev.sluice.protocol.JobPayload;
import dev.sluice.protocol.JobState;
import dev.sluice.protocol.RemoteJobState;
import dev.sluice.protocol.TraceChecksum;
import dev.sluice.protocol.UpdateJobRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * One job on this runner, from the ack to the final update (gitlab-runner's {@code requestJob} then
 * {@code processBuild}): {@code PUT state=running}, run through {@link JobRunner} with the log streaming up,
 * then {@code PUT} the final state until the server takes it. A {@code canceling} reply cancels gracefully;
 * {@code canceled}, {@code failed}, 403 or 404 abort and end all talk about the job.
 */
final class JobSession {

    private final CoordinatorClient client;
    private final JobPayload payload;
    private final JobIdentity identity;
    private final JobPlacement placement;
    private final Timing timing;
    private final JobRunner runner;
    private volatile boolean aborted;
    private volatile boolean interrupted;
    private volatile Path scratch;

    JobSession(CoordinatorClient client, JobPayload payload, JobPlacement placement, Executor executor, Timing timing) {
        this.client = client;
        this.payload = payload;
        this.placement = placement;
        this.timing = timing;
        this.identity = new JobIdentity(payload.id(), payload.token(), placement.debugTrace(payload), placement.info());
        this.runner = new JobRunner(executor, placement.workspace(payload, this::artifacts), options());
    }

    long jobId() {
        return payload.id();
    }

    /** The runner is shutting down: cancel gracefully, and report a system failure so the server may retry. */
    void interrupt() {
        interrupted = true;
        runner.cancel();
    }

    void abort() {
        aborted = true;
        runner.abort();
    }

    void run() throws InterruptedException {
        try {
            acknowledgeAndRun();
        } finally {
            if (scratch != null) {
                Trees.delete(scratch);
            }
        }
    }

    private void acknowledgeAndRun() throws InterruptedException {
        Replies.Update ack;
        try {
            ack = client.updateJob(payload.id(), update(JobState.RUNNING, null, null, new TraceChecksum()));
        } catch (ApiException e) {
            ack = new Replies.Update(e.status(), RemoteJobState.RUNNING, java.util.Optional.empty());
        }
        if (ack.state() == RemoteJobState.ABORT || ack.status() == 409) {
            return; // another runner owns it, or it is no longer running: drop it silently
        }
        if (ack.state() == RemoteJobState.CANCEL) {
            runner.cancel();
        }
        var uploader = new TraceUploader(client, identity, timing, this::onRemoteState);
        ack.updateInterval().ifPresent(uploader::updateInterval);
        uploader.start();
        JobSpec spec = placement.jobSpec(payload);
        JobOutcome outcome;
        try {
            outcome = runner.run(spec, uploader);
        } catch (RuntimeException e) { // a bug must still end the job on the server, not leave it running
            uploader.write("ERROR: Job failed (system failure): " + e + "\n");
            outcome = new JobOutcome(JobOutcome.Result.FAILED, java.util.Optional.of(dev.sluice.executor.RunFailure.RUNNER_SYSTEM_FAILURE),
                    java.util.OptionalInt.empty(), List.of(), java.time.Duration.ZERO);
        }
        uploader.finish();
        if (!aborted) {
            finalUpdate(outcome, uploader);
        }
    }

    private void onRemoteState(RemoteJobState state) {
        switch (state) {
            case CANCEL -> runner.cancel();
            case ABORT -> abort();
            case RUNNING -> { }
        }
    }

    private void finalUpdate(JobOutcome outcome, TraceUploader uploader) throws InterruptedException {
        List<String> understood = payload.features() == null ? List.of() : payload.features().failureReasons();
        JobState state = outcome.succeeded() ? JobState.SUCCESS : JobState.FAILED;
        String reason = switch (outcome.result()) {
            case SUCCESS -> null;
            case FAILED -> FailureReasons.forServer(outcome.failure().map(f -> f.gitlabName()).orElse(""), understood);
            case CANCELED -> FailureReasons.forServer(interrupted ? "runner_system_failure" : "job_canceled", understood);
        };
        Integer exitCode = outcome.succeeded() ? null : outcome.exitCode().isPresent() ? outcome.exitCode().getAsInt() : null;
        int failures = 0;
        while (true) {
            try {
                var reply = client.updateJob(payload.id(), update(state, reason, exitCode, uploader.checksum()));
                if (reply.state() == RemoteJobState.ABORT || reply.status() == 200) {
                    return;
                }
                if (reply.status() == 412) { // the server's trace does not match: send all of it again
                    uploader.resendAll();
                    continue;
                }
                if (reply.status() == 202) { // accepted, still persisting the trace: ask again after the interval
                    Thread.sleep(reply.updateInterval().orElse(timing.updateInterval()).toMillis());
                    continue;
                }
            } catch (ApiException e) {
                // retried below with back-off
            }
            if (++failures > timing.finalUpdateRetries()) {
                return;
            }
            Thread.sleep(backoff(failures));
        }
    }

    private long backoff(int failures) {
        long ms = timing.updateInterval().toMillis() << Math.min(failures - 1, 16);
        return Math.min(ms, timing.maxBackoff().toMillis());
    }

    private UpdateJobRequest update(JobState state, String reason, Integer exitCode, TraceChecksum trace) {
        return UpdateJobRequest.of(payload.token(), state, reason, exitCode, trace, placement.info());
    }

    private dev.sluice.executor.ArtifactStore artifacts(Path dir) {
        scratch = dir;
        return new RemoteArtifactStore(client, payload, dir);
    }

    private JobRunner.Options options() {
        var prefixes = payload.features() == null || payload.features().tokenMaskPrefixes() == null
                || payload.features().tokenMaskPrefixes().isEmpty()
                ? MaskingSink.DEFAULT_TOKEN_PREFIXES : payload.features().tokenMaskPrefixes();
        return new JobRunner.Options(placement.outputLimitBytes(), prefixes, Clock.systemUTC());
    }
}
