package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.after;
import static dev.sluice.engine.Steps.failed;
import static dev.sluice.engine.Steps.play;
import static dev.sluice.engine.Steps.succeeded;
import static dev.sluice.engine.Steps.timerFired;
import static dev.sluice.engine.Steps.unschedule;
import static dev.sluice.model.JobStatus.CREATED;
import static dev.sluice.model.JobStatus.MANUAL;
import static dev.sluice.model.JobStatus.PENDING;
import static dev.sluice.model.JobStatus.SCHEDULED;
import static dev.sluice.model.JobStatus.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.PipelineStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Spec §4, §5 and §28.1: optional and blocking manual jobs, delayed jobs. */
class ManualAndDelayedTest {

    @Test
    void aJobLevelManualJobIsOptional() {
        Story.given(job("build").stage("build"), job("deploy").stage("deploy").manual(), job("post").stage(".post"))
                .when(succeeded("build"))
                .then("deploy", MANUAL).then("post", PENDING)
                .when(succeeded("post"))
                .thenPipeline(PipelineStatus.SUCCESS);
    }

    @Test
    void aManualJobFromARuleBlocksLaterStagesAndThePipeline() {
        Story story = Story.given(job("build").stage("build"), job("deploy").stage("deploy").manualFromRule(),
                        job("post").stage(".post"))
                .when(succeeded("build"))
                .then("deploy", MANUAL).then("post", CREATED)
                .thenPipeline(PipelineStatus.MANUAL)
                .when(play("deploy"))
                .then("deploy", PENDING)
                .when(succeeded("deploy"))
                .then("post", PENDING);
        assertThat(story.latest("deploy").playedManually()).isTrue();
        story.when(succeeded("post")).thenPipeline(PipelineStatus.SUCCESS);
    }

    @Test
    void playingAManualJobReopensTheDagJobsItsSkipHadSkipped() {
        Story.given(job("staging").stage("deploy").manual(), job("production").stage("deploy").manual().needs("staging"))
                .then("staging", MANUAL).then("production", dev.sluice.model.JobStatus.SKIPPED)
                .when(play("staging"))
                .then("staging", PENDING).then("production", CREATED)
                .when(succeeded("staging"))
                .then("production", MANUAL);
    }

    @Test
    void aManualJobIsNotOfferedWhenAnEarlierStageFailed() {
        Story.given(job("build").stage("build"), job("deploy").stage("deploy").manual())
                .when(failed("build"))
                .then("deploy", dev.sluice.model.JobStatus.SKIPPED)
                .thenPipeline(PipelineStatus.FAILED);
    }

    @Test
    void playingAJobThatIsNotManualChangesNothing() {
        Story.given(job("build").stage("build"))
                .when(play("build"))
                .thenIgnored()
                .then("build", PENDING);
    }

    @Test
    void playingAFinishedManualJobRunsItAgain() {
        Story.given(job("deploy").stage("deploy").manual())
                .when(play("deploy"), succeeded("deploy"), play("deploy"))
                .thenAttempts("deploy", SUCCESS, PENDING);
    }

    @Test
    void aDelayedJobIsScheduledAndQueuedWhenItsTimeComes() {
        Story story = Story.given(job("build").stage("build"), job("rollout").stage("deploy").delayed(Duration.ofMinutes(30)))
                .when(after(Duration.ofMinutes(5)), succeeded("build"))
                .then("rollout", SCHEDULED)
                .thenPipeline(PipelineStatus.SCHEDULED);
        long rollout = story.id("rollout");
        story.thenCommandsInclude(new Command.ScheduleTimer(rollout, TimerKind.START_DELAYED,
                        Story.T0.plus(Duration.ofMinutes(35))))
                .when(after(Duration.ofMinutes(10)), timerFired("rollout", TimerKind.START_DELAYED))
                .thenIgnored()
                .then("rollout", SCHEDULED)
                .when(after(Duration.ofMinutes(20)), timerFired("rollout", TimerKind.START_DELAYED))
                .then("rollout", PENDING)
                .thenLastCommands(new Command.StartJob(rollout));
    }

    @Test
    void unschedulingADelayedJobMakesItManual() {
        Story.given(job("rollout").stage("deploy").delayed(Duration.ofHours(1)))
                .when(unschedule("rollout"))
                .then("rollout", MANUAL)
                .when(after(Duration.ofHours(1)), timerFired("rollout", TimerKind.START_DELAYED))
                .thenIgnored()
                .when(play("rollout"))
                .then("rollout", PENDING);
    }

    @Test
    void aDelayedJobCanBeRunAtOnce() {
        Story.given(job("rollout").stage("deploy").delayed(Duration.ofHours(1)))
                .when(play("rollout"))
                .then("rollout", PENDING)
                .when(after(Duration.ofHours(1)), timerFired("rollout", TimerKind.START_DELAYED))
                .thenIgnored();
    }
}
