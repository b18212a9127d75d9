package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.failed;
import static dev.sluice.engine.Steps.play;
import static dev.sluice.engine.Steps.succeeded;
import static dev.sluice.model.JobStatus.CREATED;
import static dev.sluice.model.JobStatus.MANUAL;
import static dev.sluice.model.JobStatus.PENDING;
import static dev.sluice.model.JobStatus.SKIPPED;

import dev.sluice.config.model.Need;
import dev.sluice.config.model.When;
import dev.sluice.model.SourcePos;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §3 and §28.2, §28.12: the {@code needs} DAG and GitLab's DAG status rule. */
class NeedsTest {

    @Test
    void needsNothingStartsAtOnceBesidePreJobs() {
        Story.given(job("pre").stage(".pre"), job("build").stage("build"), job("lint").stage("test").needs())
                .then("pre", PENDING).then("lint", PENDING).then("build", CREATED);
    }

    @Test
    void aDagJobWaitsOnlyForItsNeeds() {
        Story.given(job("build-a").stage("build"), job("build-b").stage("build"),
                        job("test-a").stage("test").needs("build-a"), job("test-b").stage("test"))
                .when(succeeded("build-a"))
                .then("test-a", PENDING).then("test-b", CREATED)
                .when(succeeded("build-b"))
                .then("test-b", PENDING);
    }

    @Test
    void aNeedMayPointToTheSameStage() {
        Story.given(job("compile").stage("build"), job("package").stage("build").needs("compile"))
                .then("package", CREATED)
                .when(succeeded("compile"))
                .then("package", PENDING);
    }

    @Test
    void aFailedNeedSkipsTheDagJobWhileOtherBranchesGoOn() {
        Story.given(job("a").stage("build"), job("b").stage("build"),
                        job("after-a").stage("test").needs("a"), job("after-b").stage("test").needs("b"))
                .when(failed("a"), succeeded("b"))
                .then("after-a", SKIPPED).then("after-b", PENDING);
    }

    @Test
    void anUnplayedOptionalManualNeedSkipsTheDagJobButCountsAsSuccessInStageMode() {
        Story.given(job("build").stage("build").manual(), job("test").stage("test").needs("build"),
                        job("staged").stage("test"))
                .then("build", MANUAL).then("test", SKIPPED).then("staged", PENDING);
    }

    @Test
    void aSkippedNeedSkipsTheDagJobButCountsAsSuccessInStageMode() {
        Story.given(job("rescue").stage("build").when(When.ON_FAILURE),
                        job("dag").stage("test").needs("rescue"), job("staged").stage("test"))
                .then("rescue", SKIPPED).then("dag", SKIPPED).then("staged", PENDING);
    }

    @Test
    void aDagManualOrDelayedJobNeedsExactSuccessToo() {
        Story.given(job("rescue").stage("build").when(When.ON_FAILURE),
                        job("deploy").stage("deploy").manual().needs("rescue"),
                        job("staged-deploy").stage("deploy").manual())
                .then("deploy", SKIPPED).then("staged-deploy", MANUAL);
    }

    @Test
    void anOnFailureDagJobIsSkippedWhenAnyNeedWasSkippedEvenAfterARealFailure() {
        Story.given(job("a").stage("build"), job("rescue").stage("build").when(When.ON_FAILURE),
                        job("notify").stage("test").when(When.ON_FAILURE).needs("a", "rescue"))
                .then("rescue", SKIPPED)
                .when(failed("a"))
                .then("notify", SKIPPED);
        Story.given(job("a").stage("build"), job("b").stage("build"),
                        job("notify").stage("test").when(When.ON_FAILURE).needs("a", "b"))
                .when(failed("a"), succeeded("b"))
                .then("notify", PENDING);
    }

    @Test
    void aPlayedManualNeedLetsTheDagJobRun() {
        Story.given(job("build").stage("build").manualFromRule(), job("test").stage("test").needs("build"))
                .then("build", MANUAL).then("test", CREATED)
                .when(play("build"), succeeded("build"))
                .then("test", PENDING);
    }

    @Test
    void needingAParallelJobWaitsForAllItsInstances() {
        Story.given(job("build 1/2").stage("build").parallel("build", 1, 2, Map.of()),
                        job("build 2/2").stage("build").parallel("build", 2, 2, Map.of()),
                        job("test").stage("test").needs("build"))
                .when(succeeded("build 1/2"))
                .then("test", CREATED)
                .when(succeeded("build 2/2"))
                .then("test", PENDING);
    }

    @Test
    void needsParallelMatrixSelectsOnlyTheChosenInstances() {
        Need onlyAmd64 = new Need("build", true, false, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(Map.of("ARCH", List.of("amd64"))), SourcePos.UNKNOWN);
        Story.given(job("build: [amd64]").stage("build").parallel("build", 1, 2, Map.of("ARCH", "amd64")),
                        job("build: [arm64]").stage("build").parallel("build", 2, 2, Map.of("ARCH", "arm64")),
                        job("test").stage("test").needsEntries(onlyAmd64))
                .when(succeeded("build: [amd64]"))
                .then("test", PENDING).then("build: [arm64]", PENDING);
    }

    @Test
    void needsOnAnotherPipelineDoNotHoldTheJob() {
        Need upstream = new Need("compile", true, false, Optional.of("$PARENT_PIPELINE_ID"), Optional.empty(),
                Optional.empty(), List.of(), SourcePos.UNKNOWN);
        Story.given(job("build").stage("build"), job("test").stage("test").needsEntries(upstream))
                .then("test", PENDING);
    }
}
