package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.failed;
import static dev.sluice.engine.Steps.started;
import static dev.sluice.engine.Steps.succeeded;
import static dev.sluice.model.JobStatus.CREATED;
import static dev.sluice.model.JobStatus.FAILED;
import static dev.sluice.model.JobStatus.PENDING;
import static dev.sluice.model.JobStatus.RUNNING;
import static dev.sluice.model.JobStatus.SKIPPED;
import static dev.sluice.model.JobStatus.SUCCESS;

import dev.sluice.config.model.When;
import dev.sluice.model.PipelineStatus;
import org.junit.jupiter.api.Test;

/** Spec §2, §4: stages run in order; what each {@code when} does after its earlier stages. */
class StageOrderingTest {

    @Test
    void stagesRunOneAfterAnother() {
        Story.given(job("build").stage("build"), job("test").stage("test"), job("deploy").stage("deploy"))
                .then("build", PENDING).then("test", CREATED).then("deploy", CREATED)
                .thenPipeline(PipelineStatus.PENDING)
                .when(started("build"))
                .thenPipeline(PipelineStatus.RUNNING)
                .when(succeeded("build"))
                .then("test", PENDING).then("deploy", CREATED)
                .when(succeeded("test"))
                .then("deploy", PENDING)
                .when(succeeded("deploy"))
                .thenPipeline(PipelineStatus.SUCCESS);
    }

    @Test
    void jobsOfOneStageRunTogetherAndTheNextStageWaitsForAllOfThem() {
        Story.given(job("unit").stage("test"), job("lint").stage("test"), job("deploy").stage("deploy"))
                .then("unit", PENDING).then("lint", PENDING)
                .when(succeeded("unit"))
                .then("deploy", CREATED)
                .when(succeeded("lint"))
                .then("deploy", PENDING);
    }

    @Test
    void aFailureSkipsLaterOnSuccessJobsButNotTheRunningJobsOfItsStage() {
        Story.given(job("unit").stage("test"), job("lint").stage("test"), job("deploy").stage("deploy"))
                .when(started("lint"), failed("unit"))
                .then("unit", FAILED).then("lint", RUNNING).then("deploy", CREATED)
                .thenPipeline(PipelineStatus.RUNNING)
                .when(succeeded("lint"))
                .then("deploy", SKIPPED)
                .thenPipeline(PipelineStatus.FAILED);
    }

    @Test
    void onFailureJobsRunOnlyAfterAFailure() {
        Story.given(job("build").stage("build"), job("cleanup").stage("deploy").when(When.ON_FAILURE))
                .when(failed("build"))
                .then("cleanup", PENDING);
        Story.given(job("build").stage("build"), job("cleanup").stage("deploy").when(When.ON_FAILURE))
                .when(succeeded("build"))
                .then("cleanup", SKIPPED)
                .thenPipeline(PipelineStatus.SUCCESS);
    }

    @Test
    void alwaysJobsRunAfterSuccessAndAfterFailure() {
        Story.given(job("build").stage("build"), job("report").stage("deploy").when(When.ALWAYS))
                .when(failed("build"))
                .then("report", PENDING);
        Story.given(job("build").stage("build"), job("report").stage("deploy").when(When.ALWAYS))
                .when(succeeded("build"))
                .then("report", PENDING);
    }

    @Test
    void withoutEarlierJobsOnSuccessRunsAndOnFailureIsSkipped() {
        Story.given(job("first").stage("build"), job("rescue").stage("build").when(When.ON_FAILURE))
                .then("first", PENDING).then("rescue", SKIPPED);
    }

    @Test
    void skippedJobsCountAsSuccessInStageMode() {
        Story.given(job("build").stage("build"), job("rescue").stage("test").when(When.ON_FAILURE),
                        job("deploy").stage("deploy"))
                .when(succeeded("build"))
                .then("rescue", SKIPPED).then("deploy", PENDING);
    }

    @Test
    void onlySkippedJobsAfterAFailureStillLeaveTheFailureVisibleToLaterStages() {
        Story.given(job("build").stage("build"), job("test").stage("test"),
                        job("notify").stage("deploy").when(When.ON_FAILURE))
                .when(failed("build"))
                .then("test", SKIPPED).then("notify", PENDING)
                .when(succeeded("notify"))
                .thenPipeline(PipelineStatus.FAILED)
                .then("build", FAILED).then("notify", SUCCESS);
    }

    @Test
    void preAndPostStagesFrameTheUserStages() {
        Story.given(job("post").stage(".post"), job("build").stage("build"), job("pre").stage(".pre"))
                .then("pre", PENDING).then("build", CREATED).then("post", CREATED)
                .when(succeeded("pre"), succeeded("build"))
                .then("post", PENDING);
    }
}
