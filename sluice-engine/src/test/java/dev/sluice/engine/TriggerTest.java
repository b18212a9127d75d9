package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.cancelPipeline;
import static dev.sluice.engine.Steps.childCreated;
import static dev.sluice.engine.Steps.childFinished;
import static dev.sluice.model.JobStatus.CANCELED;
import static dev.sluice.model.JobStatus.FAILED;
import static dev.sluice.model.JobStatus.PENDING;
import static dev.sluice.model.JobStatus.RUNNING;
import static dev.sluice.model.JobStatus.SKIPPED;
import static dev.sluice.model.JobStatus.SUCCESS;

import dev.sluice.model.PipelineStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §25: trigger jobs start a downstream pipeline; {@code strategy: depend} waits for its result. */
class TriggerTest {

    @Test
    void aTriggerJobStartsAChildPipelineInsteadOfARunnerJob() {
        Story story = Story.given(job("child").stage("test").trigger(Optional.empty()))
                .then("child", PENDING);
        story.thenLastCommands(new Command.StartChildPipeline(story.id("child"),
                story.latest("child").planned().definition().trigger().orElseThrow()));
    }

    @Test
    void withoutStrategyTheTriggerJobSucceedsOnceTheChildExists() {
        Story.given(job("child").stage("test").trigger(Optional.empty()), job("deploy").stage("deploy"))
                .when(childCreated("child"))
                .then("child", SUCCESS).then("deploy", PENDING)
                .when(childFinished("child", PipelineStatus.FAILED))
                .thenIgnored()
                .then("child", SUCCESS);
    }

    @Test
    void strategyDependMirrorsTheChildsResult() {
        JobBuilder child = job("child").stage("test").trigger(Optional.of("depend"));
        Story.given(child, job("deploy").stage("deploy"))
                .when(childCreated("child"))
                .then("child", RUNNING)
                .when(childFinished("child", PipelineStatus.MANUAL))
                .thenIgnored()
                .then("child", RUNNING)
                .when(childFinished("child", PipelineStatus.SUCCESS))
                .then("child", SUCCESS).then("deploy", PENDING);
        Story.given(child, job("deploy").stage("deploy"))
                .when(childCreated("child"), childFinished("child", PipelineStatus.FAILED))
                .then("child", FAILED).then("deploy", SKIPPED);
        Story.given(child).when(childCreated("child"), childFinished("child", PipelineStatus.SKIPPED))
                .then("child", FAILED);
        Story.given(child).when(childCreated("child"), childFinished("child", PipelineStatus.CANCELED))
                .then("child", CANCELED);
    }

    @Test
    void cancelingTheParentCancelsAWaitingTrigger() {
        Story story = Story.given(job("child").stage("test").trigger(Optional.of("depend")))
                .when(childCreated("child"), cancelPipeline())
                .then("child", CANCELED);
        story.thenCommandsInclude(new Command.CancelJob(story.id("child")));
    }
}
