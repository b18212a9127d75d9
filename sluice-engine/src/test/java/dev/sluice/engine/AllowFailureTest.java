package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.canceledByRunner;
import static dev.sluice.engine.Steps.failed;
import static dev.sluice.engine.Steps.succeeded;
import static dev.sluice.model.JobStatus.FAILED;
import static dev.sluice.model.JobStatus.PENDING;
import static dev.sluice.model.JobStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.When;
import dev.sluice.model.PipelineStatus;
import org.junit.jupiter.api.Test;

/** Spec §5 and §28.4: allowed failures are warnings, "success" means nothing failed. */
class AllowFailureTest {

    @Test
    void anAllowedFailurePassesWithWarningsAndDoesNotRunOnFailureJobs() {
        Story story = Story.given(job("lint").stage("test").allowFailure(true),
                        job("deploy").stage("deploy"), job("rollback").stage("deploy").when(When.ON_FAILURE))
                .when(failed("lint"))
                .then("lint", FAILED).then("deploy", PENDING).then("rollback", SKIPPED)
                .when(succeeded("deploy"))
                .thenPipeline(PipelineStatus.SUCCESS);
        assertThat(story.pipeline().warnings()).isTrue();
        assertThat(story.pipeline().passedWithWarnings()).isTrue();
        assertThat(story.pipeline().stageStatus("test")).contains(PipelineStatus.SUCCESS);
    }

    @Test
    void exitCodesAllowOnlyThoseCodes() {
        Story.given(job("flaky").stage("test").allowFailureExitCodes(137, 255), job("deploy").stage("deploy"))
                .when(failed("flaky", 137))
                .then("deploy", PENDING);
        Story.given(job("flaky").stage("test").allowFailureExitCodes(137, 255), job("deploy").stage("deploy"))
                .when(failed("flaky", 1))
                .then("deploy", SKIPPED)
                .thenPipeline(PipelineStatus.FAILED);
    }

    @Test
    void aCanceledJobWithAllowFailureIsAWarningToo() {
        Story story = Story.given(job("lint").stage("test").allowFailure(true), job("unit").stage("test"))
                .when(canceledByRunner("lint"), succeeded("unit"))
                .thenPipeline(PipelineStatus.SUCCESS);
        assertThat(story.pipeline().passedWithWarnings()).isTrue();
    }

    @Test
    void withoutAllowFailureACanceledJobCancelsThePipeline() {
        Story.given(job("lint").stage("test"), job("unit").stage("test"))
                .when(canceledByRunner("lint"), succeeded("unit"))
                .thenPipeline(PipelineStatus.CANCELED);
    }
}
