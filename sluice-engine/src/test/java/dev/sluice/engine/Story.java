package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An engine test as a story: {@code given(jobs).when(steps).then(job, status)}. Time is a manual
 * clock that only {@link Steps#after} moves; jobs are named, the story finds their latest attempt.
 */
final class Story {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final List<String> DEFAULT_STAGES = List.of(".pre", "build", "test", "deploy", ".post");

    private final Engine engine;
    private Pipeline pipeline;
    private Instant now = T0;
    private final List<Command> allCommands = new ArrayList<>();
    private List<Command> lastCommands;
    private Optional<String> lastIgnored = Optional.empty();

    private Story(Engine engine, PipelineInput input) {
        this.engine = engine;
        record(engine.start(input));
    }

    static Story given(JobBuilder... jobs) {
        return givenStages(DEFAULT_STAGES, jobs);
    }

    static Story givenStages(List<String> stages, JobBuilder... jobs) {
        return new Story(new Engine(), input(stages, PipelineSettings.DEFAULT, jobs));
    }

    static Story given(Engine engine, PipelineSettings settings, JobBuilder... jobs) {
        return new Story(engine, input(DEFAULT_STAGES, settings, jobs));
    }

    private static PipelineInput input(List<String> stages, PipelineSettings settings, JobBuilder... jobs) {
        return new PipelineInput(7, 1, stages, Arrays.stream(jobs).map(JobBuilder::plan).toList(), T0, settings);
    }

    /** A step of the story: the events it produces at the story's current time (none to only move time). */
    @FunctionalInterface
    interface Step {
        List<Event> events(Story story);
    }

    Story when(Step... steps) {
        for (Step step : steps) {
            for (Event event : step.events(this)) {
                record(engine.apply(pipeline, event));
            }
        }
        return this;
    }

    Story and(Step... steps) {
        return when(steps);
    }

    private void record(Transition transition) {
        pipeline = transition.pipeline();
        lastCommands = transition.commands();
        lastIgnored = transition.ignored();
        allCommands.addAll(transition.commands());
    }

    Story then(String job, JobStatus status) {
        assertThat(latest(job).status()).as("status of %s", job).isEqualTo(status);
        return this;
    }

    Story thenPipeline(PipelineStatus status) {
        assertThat(pipeline.status()).as("pipeline status").isEqualTo(status);
        return this;
    }

    Story thenAttempts(String job, JobStatus... statuses) {
        assertThat(pipeline.attempts(job)).extracting(Job::status).as("attempts of %s", job).containsExactly(statuses);
        return this;
    }

    Story thenCommandsInclude(Command... commands) {
        assertThat(allCommands).contains(commands);
        return this;
    }

    Story thenLastCommands(Command... commands) {
        assertThat(lastCommands).containsExactly(commands);
        return this;
    }

    Story thenIgnored() {
        assertThat(lastIgnored).as("last event ignored").isPresent();
        return this;
    }

    Job latest(String job) {
        return pipeline.latest(job).orElseThrow(() -> new AssertionError("no job " + job));
    }

    long id(String job) {
        return latest(job).id();
    }

    Pipeline pipeline() {
        return pipeline;
    }

    List<Command> allCommands() {
        return allCommands;
    }

    Instant now() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }
}
