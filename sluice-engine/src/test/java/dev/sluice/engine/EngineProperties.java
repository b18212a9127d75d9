package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.When;
import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random pipelines driven by random events: whatever happens, the engine keeps its invariants, and a
 * pipeline whose runners finish every job always comes to rest (finished, or blocked on a manual job).
 */
class EngineProperties {

    private static final List<String> STAGES = List.of(".pre", "build", "test", "deploy", ".post");

    @Property(tries = 300)
    void invariantsHoldForAnyEventSequence(@ForAll long seed) {
        Random random = new Random(seed);
        Engine engine = new Engine();
        Pipeline pipeline = engine.start(new PipelineInput(1, 1, STAGES, randomJobs(random), Instant.EPOCH,
                PipelineSettings.DEFAULT)).pipeline();
        checkInvariants(pipeline);
        Instant now = Instant.EPOCH;
        for (int step = 0; step < 40; step++) {
            List<Event> possible = possibleEvents(pipeline, now = now.plusSeconds(1), true);
            if (possible.isEmpty()) {
                break;
            }
            pipeline = engine.apply(pipeline, possible.get(random.nextInt(possible.size()))).pipeline();
            checkInvariants(pipeline);
        }
        for (int step = 0; step < 200; step++) {
            List<Event> progress = possibleEvents(pipeline, now = now.plusSeconds(1), false);
            if (progress.isEmpty()) {
                break;
            }
            pipeline = engine.apply(pipeline, progress.getFirst()).pipeline();
            checkInvariants(pipeline);
        }
        assertThat(pipeline.status()).as("status at rest, seed %d", seed)
                .isIn(PipelineStatus.SUCCESS, PipelineStatus.FAILED, PipelineStatus.CANCELED,
                        PipelineStatus.SKIPPED, PipelineStatus.MANUAL);
    }

    private static List<PlannedJob> randomJobs(Random random) {
        List<PlannedJob> jobs = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            int stage = random.nextInt(STAGES.size());
            JobBuilder b = job("j" + i).stage(STAGES.get(stage));
            switch (random.nextInt(6)) {
                case 0 -> b.when(When.ON_FAILURE);
                case 1 -> b.when(When.ALWAYS);
                case 2 -> b.manual();
                case 3 -> b.manualFromRule();
                default -> { }
            }
            if (random.nextInt(4) == 0) {
                b.allowFailure(true);
            }
            if (random.nextInt(3) == 0) {
                b.resourceGroup("g");
            }
            if (random.nextInt(3) == 0) {
                b.retry(1, List.of(), List.of());
            }
            List<String> needs = jobs.stream()
                    .filter(j -> STAGES.indexOf(j.definition().stage()) <= stage && random.nextBoolean())
                    .map(PlannedJob::name).toList();
            if (random.nextInt(3) == 0) {
                b.needs(needs.toArray(String[]::new));
            }
            jobs.add(b.plan());
        }
        return jobs;
    }

    /** Random mode offers everything a runner or a person could do; progress mode only lets runners work. */
    private static List<Event> possibleEvents(Pipeline pipeline, Instant at, boolean anything) {
        List<Event> events = new ArrayList<>();
        for (Job job : pipeline.latestJobs()) {
            switch (job.status()) {
                case PENDING -> events.add(new Event.JobStarted(job.id(), at));
                case RUNNING -> {
                    events.add(new Event.JobFinished(job.id(), JobOutcome.success(), at));
                    events.add(new Event.JobFinished(job.id(), JobOutcome.scriptFailure(1), at));
                }
                case MANUAL -> events.add(new Event.PlayManual(job.id(), at));
                case FAILED, CANCELED -> events.add(new Event.RetryJob(job.id(), at));
                default -> { }
            }
        }
        if (anything) {
            events.add(new Event.CancelPipeline(at));
            return events;
        }
        return events.stream().filter(e -> e instanceof Event.JobStarted
                || e instanceof Event.JobFinished f && f.outcome() instanceof JobOutcome.Success).toList();
    }

    private static void checkInvariants(Pipeline pipeline) {
        List<Job> latest = pipeline.latestJobs();
        assertThat(latest).extracting(Job::name).doesNotHaveDuplicates();
        assertThat(latest.stream().filter(Draft::holdsResource).count()).as("holders of g").isLessThanOrEqualTo(1);
        for (Job job : latest) {
            if (job.status() == JobStatus.CREATED) {
                assertThat(Predecessors.statusFor(job, latest).isCompleted())
                        .as("%s left created although its predecessors are complete", job.name()).isFalse();
            }
            if (job.status() == JobStatus.WAITING_FOR_RESOURCE) {
                assertThat(latest.stream().anyMatch(Draft::holdsResource))
                        .as("%s waits for a free group", job.name()).isTrue();
            }
        }
        assertThat(pipeline.status()).isEqualTo(CompositeStatus.of(Pipeline.members(latest.stream()), false)
                .status().orElse(PipelineStatus.SKIPPED));
    }
}
