package dev.sluice.engine;

import dev.sluice.model.JobStatus;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * Enqueuing jobs (GitLab's {@code enqueue} event) and handing out resource groups: a job with a
 * {@code resource_group} waits in {@code waiting_for_resource} until no other job holds the group,
 * here or (per {@link ResourceGroups}) in another pipeline. Waiting jobs take it oldest first.
 */
final class Queue {

    private Queue() {
    }

    static void enqueue(Draft draft, Job job) {
        if (job.resourceGroup().isPresent()) {
            draft.put(job.withStatus(JobStatus.WAITING_FOR_RESOURCE));
        } else {
            makePending(draft, job);
        }
    }

    /** Gives free resource groups to the oldest job waiting for each. */
    static void assignResources(Draft draft) {
        Set<String> held = new HashSet<>();
        for (Job job : draft.latest()) {
            if (Draft.holdsResource(job)) {
                held.add(job.resourceGroup().orElseThrow());
            }
        }
        draft.latest().stream()
                .filter(j -> j.status() == JobStatus.WAITING_FOR_RESOURCE)
                .sorted(Comparator.comparingLong(Job::id))
                .forEach(job -> {
                    String group = job.resourceGroup().orElseThrow();
                    if (!held.contains(group) && !draft.resourceGroups().heldElsewhere(group)) {
                        held.add(group);
                        draft.emit(new Command.AcquireResource(group, job.id()));
                        makePending(draft, job);
                    }
                });
    }

    private static void makePending(Draft draft, Job job) {
        draft.put(job.withStatus(JobStatus.PENDING));
        if (job.isTrigger()) {
            draft.emit(new Command.StartChildPipeline(job.id(), job.planned().definition().trigger().orElseThrow()));
        } else {
            draft.emit(new Command.StartJob(job.id()));
        }
    }
}
