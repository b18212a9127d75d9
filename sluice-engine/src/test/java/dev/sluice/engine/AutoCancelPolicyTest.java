package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.started;
import static dev.sluice.engine.Steps.succeeded;
import static dev.sluice.model.JobStatus.CANCELED;
import static dev.sluice.model.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §24 and §28.18: which redundant pipelines and jobs auto-cancel may touch. */
class AutoCancelPolicyTest {

    @Test
    void conservativeCancelsAPipelineWhoseStartedJobsAreAllInterruptible() {
        Story story = Story.given(job("unit").stage("test").interruptible(), job("deploy").stage("deploy"))
                .when(started("unit"));
        story.when(s -> AutoCancelPolicy.CONSERVATIVE.cancelEvents(s.pipeline(), s.now()))
                .then("unit", CANCELED).then("deploy", CANCELED);
    }

    @Test
    void onceANonInterruptibleJobHasStartedThePipelineIsProtectedForGood() {
        Story story = Story.given(job("build").stage("build"), job("unit").stage("test").interruptible())
                .when(succeeded("build"), started("unit"));
        assertThat(AutoCancelPolicy.CONSERVATIVE.cancelEvents(story.pipeline(), story.now())).isEmpty();
    }

    @Test
    void interruptibleModeCancelsOnlyInterruptibleJobs() {
        Story.given(job("unit").stage("test").interruptible(), job("e2e").stage("test"))
                .when(started("unit"), started("e2e"))
                .when(s -> AutoCancelPolicy.INTERRUPTIBLE.cancelEvents(s.pipeline(), s.now()))
                .then("unit", CANCELED).then("e2e", RUNNING);
    }

    @Test
    void noneNeverCancelsAndTheDefaultIsConservative() {
        Story story = Story.given(job("unit").stage("test").interruptible());
        assertThat(AutoCancelPolicy.NONE.cancelEvents(story.pipeline(), story.now())).isEmpty();
        assertThat(AutoCancelPolicy.fromYaml(Optional.empty())).contains(AutoCancelPolicy.CONSERVATIVE);
        assertThat(AutoCancelPolicy.fromYaml(Optional.of("interruptible"))).contains(AutoCancelPolicy.INTERRUPTIBLE);
        assertThat(AutoCancelPolicy.fromYaml(Optional.of("sometimes"))).isEmpty();
    }
}
