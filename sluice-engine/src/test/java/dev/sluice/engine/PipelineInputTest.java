package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning bugs fail loudly at the engine's door instead of making jobs run too early. */
class PipelineInputTest {

    @Test
    void rejectsJobsInUnknownStages() {
        assertThatThrownBy(() -> input(job("a").stage("qa")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown stage qa");
    }

    @Test
    void rejectsTwoJobsWithOneName() {
        assertThatThrownBy(() -> input(job("a"), job("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("planned twice");
    }

    @Test
    void rejectsNeedsOnJobsThatAreNotPlanned() {
        assertThatThrownBy(() -> input(job("b").needs("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a, which is not planned");
    }

    private static PipelineInput input(JobBuilder... jobs) {
        return new PipelineInput(1, 1, Story.DEFAULT_STAGES, java.util.Arrays.stream(jobs).map(JobBuilder::plan).toList(),
                Story.T0, PipelineSettings.DEFAULT);
    }
}
