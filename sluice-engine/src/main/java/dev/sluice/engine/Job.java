package dev.sluice.engine;

import dev.sluice.config.model.AllowFailure;
import dev.sluice.config.model.Need;
import dev.sluice.config.model.When;
import dev.sluice.model.FailureReason;
import dev.sluice.model.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt of a job in a running pipeline. A retry adds a new {@code Job} with the next
 * {@code attempt} and marks this one {@code retried}; statuses only look at the latest attempts.
 *
 * @param stageIndex         position of the job's stage in the pipeline's stages
 * @param scheduledAt        when a delayed job will start by itself
 * @param playedManually     a person played this manual job (or ran a delayed job now)
 * @param enqueueImmediately a retried manual or delayed job: it is queued, not made manual again
 */
public record Job(long id, int stageIndex, JobStatus status, int attempt, boolean retried, PlannedJob planned,
                  Optional<Integer> exitCode, Optional<FailureReason> failureReason, Optional<Instant> scheduledAt,
                  Optional<Instant> startedAt, Optional<Instant> finishedAt, boolean playedManually,
                  boolean enqueueImmediately) {

    static Job created(long id, int stageIndex, PlannedJob planned) {
        return new Job(id, stageIndex, JobStatus.CREATED, 1, false, planned, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    }

    public String name() {
        return planned.name();
    }

    public String stage() {
        return planned.definition().stage();
    }

    public When when() {
        return planned.when();
    }

    public AllowFailure allowFailure() {
        return planned.allowFailure();
    }

    public Optional<List<Need>> needs() {
        return planned.needs();
    }

    public Optional<String> resourceGroup() {
        return planned.definition().resourceGroup();
    }

    public boolean isTrigger() {
        return planned.definition().isTrigger();
    }

    /**
     * Whether this job counts as allowed to fail now. With {@code allow_failure:exit_codes} only a
     * failure with one of those codes is allowed (and such a manual job is blocking), as in GitLab.
     */
    public boolean allowedToFail() {
        AllowFailure af = planned.allowFailure();
        if (af.exitCodes().isEmpty()) {
            return af.allowed();
        }
        return status == JobStatus.FAILED && exitCode.map(af::allows).orElse(false);
    }

    Job withStatus(JobStatus next) {
        return new Job(id, stageIndex, next, attempt, retried, planned, exitCode, failureReason, scheduledAt,
                startedAt, finishedAt, playedManually, enqueueImmediately);
    }

    Job scheduled(Instant runAt) {
        return new Job(id, stageIndex, JobStatus.SCHEDULED, attempt, retried, planned, exitCode, failureReason,
                Optional.of(runAt), startedAt, finishedAt, playedManually, enqueueImmediately);
    }

    Job started(Instant at) {
        return new Job(id, stageIndex, JobStatus.RUNNING, attempt, retried, planned, exitCode, failureReason,
                scheduledAt, Optional.of(at), finishedAt, playedManually, enqueueImmediately);
    }

    Job finished(JobStatus end, Optional<FailureReason> reason, Optional<Integer> code, Instant at) {
        return new Job(id, stageIndex, end, attempt, retried, planned, code, reason, scheduledAt, startedAt,
                Optional.of(at), playedManually, enqueueImmediately);
    }

    Job played() {
        return new Job(id, stageIndex, status, attempt, retried, planned, exitCode, failureReason, scheduledAt,
                startedAt, finishedAt, true, enqueueImmediately);
    }

    Job markRetried() {
        return new Job(id, stageIndex, status, attempt, true, planned, exitCode, failureReason, scheduledAt,
                startedAt, finishedAt, playedManually, enqueueImmediately);
    }

    /** The next attempt: a fresh created job that keeps the planned settings. */
    Job nextAttempt(long newId) {
        boolean action = planned.when() == When.MANUAL || planned.when() == When.DELAYED;
        return new Job(newId, stageIndex, JobStatus.CREATED, attempt + 1, false, planned, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, action);
    }
}
