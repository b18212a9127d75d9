package dev.sluice.engine;

import static dev.sluice.engine.JobBuilder.job;
import static dev.sluice.engine.Steps.cancelJob;
import static dev.sluice.engine.Steps.play;
import static dev.sluice.engine.Steps.resourceFreed;
import static dev.sluice.engine.Steps.succeeded;
import static dev.sluice.model.JobStatus.PENDING;
import static dev.sluice.model.JobStatus.WAITING_FOR_RESOURCE;

import dev.sluice.model.PipelineStatus;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Spec §23: jobs of one {@code resource_group} run one at a time. */
class ResourceGroupTest {

    @Test
    void jobsOfOneGroupRunOneAtATimeOldestFirst() {
        Story story = Story.given(job("deploy-a").stage("deploy").resourceGroup("prod"),
                        job("deploy-b").stage("deploy").resourceGroup("prod"),
                        job("deploy-staging").stage("deploy").resourceGroup("staging"))
                .then("deploy-a", PENDING).then("deploy-b", WAITING_FOR_RESOURCE).then("deploy-staging", PENDING);
        long a = story.id("deploy-a");
        long b = story.id("deploy-b");
        story.thenCommandsInclude(new Command.AcquireResource("prod", a), new Command.StartJob(a))
                .when(succeeded("deploy-a"))
                .then("deploy-b", PENDING)
                .thenLastCommands(new Command.ReleaseResource("prod", a), new Command.AcquireResource("prod", b),
                        new Command.StartJob(b));
    }

    @Test
    void aWaitingPipelineShowsWaitingForResource() {
        Set<String> heldElsewhere = new HashSet<>(Set.of("prod"));
        Story.given(new Engine(heldElsewhere::contains), PipelineSettings.DEFAULT,
                        job("deploy").stage("deploy").resourceGroup("prod"))
                .then("deploy", WAITING_FOR_RESOURCE)
                .thenPipeline(PipelineStatus.WAITING_FOR_RESOURCE)
                .when(resourceFreed("prod"))
                .then("deploy", WAITING_FOR_RESOURCE)
                .and(s -> {
                    heldElsewhere.clear();
                    return java.util.List.of();
                }, resourceFreed("prod"))
                .then("deploy", PENDING);
    }

    @Test
    void aPlayedManualJobWaitsForItsGroupToo() {
        Story.given(job("deploy").stage("deploy").resourceGroup("prod"),
                        job("hotfix").stage("deploy").manual().resourceGroup("prod"))
                .when(play("hotfix"))
                .then("hotfix", WAITING_FOR_RESOURCE)
                .when(cancelJob("deploy"))
                .then("hotfix", PENDING);
    }
}
