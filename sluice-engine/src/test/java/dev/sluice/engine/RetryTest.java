package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.failed;
import static dev.sluice.engine.Steps.failedWith;
import static dev.sluice.engine.Steps.retry;
import static dev.sluice.engine.Steps.succeeded;
import static dev.sluice.model.JobStatus.CREATED;
import static dev.sluice.model.JobStatus.FAILED;
import static dev.sluice.model.JobStatus.PENDING;
import static dev.sluice.model.JobStatus.SKIPPED;
import static dev.sluice.model.JobStatus.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.FailureReason;
import dev.sluice.model.PipelineStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §18: automatic retries, manual retries, and what a retry re-opens. */
class RetryTest {

    @Test
    void retryMaxGivesThatManyMoreRuns() {
        Story story = Story.given(job("flaky").stage("test").retry(2, List.of(), List.of()))
                .when(failed("flaky"))
                .thenAttempts("flaky", FAILED, PENDING)
                .when(failed("flaky"))
                .thenAttempts("flaky", FAILED, FAILED, PENDING)
                .when(failed("flaky"))
                .thenAttempts("flaky", FAILED, FAILED, FAILED)
                .thenPipeline(PipelineStatus.FAILED);
        assertThat(story.pipeline().attempts("flaky")).extracting(Job::attempt).containsExactly(1, 2, 3);
        assertThat(story.pipeline().attempts("flaky")).extracting(Job::retried).containsExactly(true, true, false);
    }

    @Test
    void theLatestAttemptDecidesThePipelineStatus() {
        Story.given(job("flaky").stage("test").retry(1, List.of(), List.of()), job("deploy").stage("deploy"))
                .when(failed("flaky"))
                .then("deploy", CREATED)
                .thenPipeline(PipelineStatus.PENDING)
                .when(succeeded("flaky"))
                .then("deploy", PENDING);
    }

    @Test
    void retryWhenListsTheReasonsThatAreRetried() {
        JobBuilder flaky = job("flaky").stage("test").retry(2, List.of("runner_system_failure"), List.of());
        Story.given(flaky).when(failedWith("flaky", FailureReason.RUNNER_SYSTEM_FAILURE))
                .thenAttempts("flaky", FAILED, PENDING);
        Story.given(flaky).when(failed("flaky"))
                .thenAttempts("flaky", FAILED);
    }

    @Test
    void exitCodesAloneRetryOnlyThoseCodes() {
        JobBuilder flaky = job("flaky").stage("test").retry(1, List.of(), List.of(137));
        Story.given(flaky).when(failed("flaky", 137)).thenAttempts("flaky", FAILED, PENDING);
        Story.given(flaky).when(failed("flaky", 1)).thenAttempts("flaky", FAILED);
    }

    @Test
    void eitherTheReasonOrTheExitCodeIsEnough() {
        JobBuilder flaky = job("flaky").stage("test").retry(1, List.of("runner_system_failure"), List.of(137));
        Story.given(flaky).when(failed("flaky", 137)).thenAttempts("flaky", FAILED, PENDING);
        Story.given(flaky).when(failedWith("flaky", FailureReason.RUNNER_SYSTEM_FAILURE))
                .thenAttempts("flaky", FAILED, PENDING);
        Story.given(flaky).when(failed("flaky", 2)).thenAttempts("flaky", FAILED);
    }

    @Test
    void someReasonsAreNeverRetriedAndSchedulerFailuresAlwaysAre() {
        Story.given(job("a").stage("test").retry(2, List.of(), List.of()))
                .when(failedWith("a", FailureReason.NO_MATCHING_RUNNER))
                .thenAttempts("a", FAILED);
        Story.given(job("a").stage("test"))
                .when(failedWith("a", FailureReason.SCHEDULER_FAILURE))
                .thenAttempts("a", FAILED, PENDING);
    }

    @Test
    void manualRetriesCountAgainstRetryMax() {
        Story.given(job("flaky").stage("test").retry(1, List.of(), List.of()))
                .when(succeeded("flaky"), retry("flaky"), failed("flaky"))
                .thenAttempts("flaky", SUCCESS, FAILED);
    }

    @Test
    void retryingAFailedJobReopensTheJobsItsFailureSkipped() {
        Story.given(job("build").stage("build"), job("test").stage("test"), job("deploy").stage("deploy"),
                        job("rescue").stage("deploy").when(dev.sluice.config.model.When.ON_FAILURE),
                        job("other").stage("build"))
                .when(failed("build"), succeeded("other"))
                .then("test", SKIPPED).then("deploy", SKIPPED).then("rescue", PENDING)
                .thenPipeline(PipelineStatus.RUNNING)
                .when(succeeded("rescue"))
                .thenPipeline(PipelineStatus.FAILED)
                .when(retry("build"))
                .thenAttempts("build", FAILED, PENDING)
                .then("test", CREATED).then("deploy", CREATED).then("rescue", SUCCESS)
                .thenPipeline(PipelineStatus.RUNNING)
                .when(succeeded("build"), succeeded("test"), succeeded("deploy"))
                .thenPipeline(PipelineStatus.SUCCESS);
    }

    @Test
    void retryingReopensSkippedDagDescendantsInTheSameStage() {
        Story.given(job("compile").stage("build"), job("package").stage("build").needs("compile"))
                .when(failed("compile"))
                .then("package", SKIPPED)
                .when(retry("compile"))
                .then("package", CREATED)
                .when(succeeded("compile"))
                .then("package", PENDING);
    }

    @Test
    void thePipelineFinishesAgainAfterARetry() {
        Story story = Story.given(job("build").stage("build"))
                .when(failed("build"))
                .thenLastCommands(new Command.PipelineFinished(PipelineStatus.FAILED, false))
                .when(retry("build"));
        assertThat(story.pipeline().finishedAt()).isEmpty();
        story.when(succeeded("build"))
                .thenLastCommands(new Command.PipelineFinished(PipelineStatus.SUCCESS, false));
        assertThat(story.pipeline().finishedAt()).isPresent();
    }

    @Test
    void onlyFinishedJobsCanBeRetried() {
        Story.given(job("build").stage("build"))
                .when(retry("build"))
                .thenIgnored()
                .thenAttempts("build", PENDING);
    }
}
