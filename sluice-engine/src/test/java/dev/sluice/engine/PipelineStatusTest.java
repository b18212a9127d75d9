package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.after;
import static dev.sluice.engine.Steps.failed;
import static dev.sluice.engine.Steps.started;
import static dev.sluice.engine.Steps.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.PipelineStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Spec §6: the pipeline's and stages' statuses, its times, and its finish. */
class PipelineStatusTest {

    @Test
    void stagesHaveTheirOwnStatusAndEmptyStagesHaveNone() {
        Story story = Story.given(job("build").stage("build"), job("test").stage("test").allowFailure(true))
                .when(succeeded("build"), failed("test"));
        assertThat(story.pipeline().stageStatus("build")).contains(PipelineStatus.SUCCESS);
        assertThat(story.pipeline().stageStatus("test")).contains(PipelineStatus.SUCCESS);
        assertThat(story.pipeline().stageStatus("deploy")).isEmpty();
        assertThat(story.pipeline().passedWithWarnings()).isTrue();
        story.thenLastCommands(new Command.PipelineFinished(PipelineStatus.SUCCESS, true));
    }

    @Test
    void thePipelineStartsWhenAJobRunsAndFinishesWithItsLastJob() {
        Story story = Story.given(job("build").stage("build"));
        assertThat(story.pipeline().startedAt()).isEmpty();
        story.when(after(Duration.ofSeconds(5)), started("build"));
        assertThat(story.pipeline().startedAt()).contains(Story.T0.plusSeconds(5));
        assertThat(story.pipeline().finishedAt()).isEmpty();
        story.when(after(Duration.ofSeconds(60)), succeeded("build"));
        assertThat(story.pipeline().finishedAt()).contains(Story.T0.plusSeconds(65));
        assertThat(story.latest("build").startedAt()).contains(Story.T0.plusSeconds(5));
        assertThat(story.latest("build").finishedAt()).contains(Story.T0.plusSeconds(65));
    }

    @Test
    void eventsForUnknownJobsAreIgnored() {
        Story story = Story.given(job("build").stage("build"));
        Transition t = new Engine().apply(story.pipeline(), new Event.PlayManual(99, Story.T0));
        assertThat(t.ignored()).contains("no job 99");
        assertThat(t.pipeline()).isSameAs(story.pipeline());
    }
}
