package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.after;
import static dev.sluice.engine.Steps.finishedById;
import static dev.sluice.engine.Steps.started;
import static dev.sluice.engine.Steps.succeeded;
import static dev.sluice.engine.Steps.timerFired;
import static dev.sluice.model.JobStatus.FAILED;
import static dev.sluice.model.JobStatus.PENDING;
import static dev.sluice.model.JobStatus.SKIPPED;
import static dev.sluice.model.JobStatus.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.FailureReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §19: a job that runs past its timeout fails with {@code job_execution_timeout}. */
class TimeoutTest {

    @Test
    void startingAJobSchedulesItsTimeout() {
        Story story = Story.given(job("test").stage("test").timeout(Duration.ofMinutes(10)))
                .when(after(Duration.ofMinutes(1)), started("test"));
        story.thenLastCommands(new Command.ScheduleTimer(story.id("test"), TimerKind.JOB_TIMEOUT,
                Story.T0.plus(Duration.ofMinutes(11))));
    }

    @Test
    void theProjectTimeoutAppliesToJobsWithoutOne() {
        Story story = Story.given(new Engine(), PipelineSettings.DEFAULT.withProjectTimeout(Duration.ofHours(1)), job("test").stage("test"))
                .when(started("test"));
        story.thenLastCommands(new Command.ScheduleTimer(story.id("test"), TimerKind.JOB_TIMEOUT,
                Story.T0.plus(Duration.ofHours(1))));
    }

    @Test
    void withoutAnyTimeoutNoTimerIsSet() {
        Story.given(job("test").stage("test")).when(started("test")).thenLastCommands();
    }

    @Test
    void aTimedOutJobFailsIsStoppedAndLaterStagesAreSkipped() {
        Story story = Story.given(job("test").stage("test").timeout(Duration.ofMinutes(10)),
                        job("deploy").stage("deploy"))
                .when(started("test"), after(Duration.ofMinutes(10)), timerFired("test", TimerKind.JOB_TIMEOUT))
                .then("test", FAILED).then("deploy", SKIPPED);
        long test = story.id("test");
        assertThat(story.latest("test").failureReason()).contains(FailureReason.JOB_EXECUTION_TIMEOUT);
        story.thenCommandsInclude(new Command.CancelJob(test))
                .when(finishedById(test, JobOutcome.canceled()))
                .thenIgnored()
                .then("test", FAILED);
    }

    @Test
    void aTimerForAJobThatAlreadyFinishedIsIgnored() {
        Story.given(job("test").stage("test").timeout(Duration.ofMinutes(10)))
                .when(succeeded("test"), after(Duration.ofMinutes(10)), timerFired("test", TimerKind.JOB_TIMEOUT))
                .thenIgnored()
                .then("test", SUCCESS);
    }

    @Test
    void aTimeoutCanBeRetried() {
        Story.given(job("test").stage("test").timeout(Duration.ofMinutes(10))
                        .retry(1, List.of("job_execution_timeout"), List.of()))
                .when(started("test"), timerFired("test", TimerKind.JOB_TIMEOUT))
                .thenAttempts("test", FAILED, PENDING);
    }
}
