package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.cancelJob;
import static dev.sluice.engine.Steps.cancelPipeline;
import static dev.sluice.engine.Steps.canceledByRunner;
import static dev.sluice.engine.Steps.failed;
import static dev.sluice.engine.Steps.finishedById;
import static dev.sluice.engine.Steps.started;
import static dev.sluice.engine.Steps.succeeded;
import static dev.sluice.model.JobStatus.CANCELED;
import static dev.sluice.model.JobStatus.MANUAL;
import static dev.sluice.model.JobStatus.PENDING;
import static dev.sluice.model.JobStatus.SKIPPED;
import static dev.sluice.model.JobStatus.SUCCESS;

import dev.sluice.config.model.When;
import dev.sluice.model.PipelineStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Canceling pipelines and jobs; spec §4 and §28.3: nothing runs after a canceled predecessor. */
class CancelTest {

    @Test
    void cancelingThePipelineStopsRunningJobsAndCancelsWaitingOnes() {
        Story story = Story.given(job("unit").stage("test"), job("lint").stage("test"),
                        job("deploy").stage("deploy"), job("rollout").stage(".post").delayed(Duration.ofHours(1)),
                        job("docs").stage(".post").manual())
                .when(started("unit"))
                .when(cancelPipeline())
                .then("unit", CANCELED).then("lint", CANCELED).then("deploy", CANCELED).then("rollout", CANCELED)
                .thenPipeline(PipelineStatus.CANCELED);
        // docs was canceled before it became manual; allowed to fail, its cancel counts as a warning
        story.thenLastCommands(new Command.CancelJob(story.id("unit")), new Command.CancelJob(story.id("lint")),
                new Command.PipelineFinished(PipelineStatus.CANCELED, true));
    }

    @Test
    void manualJobsAreNotCancelableAndStayPlayable() {
        Story.given(job("build").stage("build"), job("deploy").stage("test").manual(), job("unit").stage("test"))
                .when(succeeded("build"), started("unit"), cancelPipeline())
                .then("deploy", MANUAL).then("unit", CANCELED)
                .thenPipeline(PipelineStatus.CANCELED);
    }

    @Test
    void aLateReportFromACanceledJobIsIgnored() {
        Story story = Story.given(job("unit").stage("test")).when(started("unit"), cancelPipeline());
        story.when(finishedById(story.id("unit"), JobOutcome.success()))
                .thenIgnored()
                .then("unit", CANCELED);
    }

    @Test
    void cancelingAFinishedPipelineChangesNothing() {
        Story.given(job("unit").stage("test")).when(succeeded("unit"), cancelPipeline())
                .thenIgnored()
                .then("unit", SUCCESS);
    }

    @Test
    void alwaysJobsDoNotRunAfterACanceledJob() {
        Story.given(job("build").stage("build"), job("report").stage("test").when(When.ALWAYS),
                        job("rescue").stage("test").when(When.ON_FAILURE))
                .when(canceledByRunner("build"))
                .then("report", SKIPPED).then("rescue", SKIPPED)
                .thenPipeline(PipelineStatus.CANCELED);
    }

    @Test
    void aCanceledJobBesideAFailedOneCountsAsFailure() {
        Story.given(job("a").stage("build"), job("b").stage("build"), job("report").stage("test").when(When.ALWAYS))
                .when(failed("a"), canceledByRunner("b"))
                .then("report", PENDING);
    }

    @Test
    void onJobFailureAllCancelsThePipelineWhenAJobFailsForGood() {
        PipelineSettings cancelOnFailure = PipelineSettings.DEFAULT.withCancelOnJobFailure(true);
        Story.given(new Engine(), cancelOnFailure, job("unit").stage("test"), job("lint").stage("test"),
                        job("flaky").stage("test").allowFailure(true), job("rescue").stage("deploy").when(When.ON_FAILURE))
                .when(started("lint"), failed("flaky"))
                .then("lint", dev.sluice.model.JobStatus.RUNNING)
                .when(failed("unit"))
                .then("lint", CANCELED).then("rescue", CANCELED)
                .thenPipeline(PipelineStatus.FAILED);
        Story.given(new Engine(), cancelOnFailure, job("unit").stage("test").retry(1, java.util.List.of(), java.util.List.of()),
                        job("lint").stage("test"))
                .when(failed("unit"))
                .then("lint", PENDING).thenAttempts("unit", dev.sluice.model.JobStatus.FAILED, PENDING);
    }

    @Test
    void cancelingOneJobSkipsWhatDependsOnIt() {
        Story story = Story.given(job("build").stage("build"), job("test").stage("test"))
                .when(started("build"), cancelJob("build"))
                .then("build", CANCELED).then("test", SKIPPED)
                .thenPipeline(PipelineStatus.CANCELED);
        story.thenCommandsInclude(new Command.CancelJob(story.id("build")));
    }
}
