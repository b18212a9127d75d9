package dev.sluice.engine;

import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The working copy of a pipeline while one event is applied: job updates and the commands they
 * cause. Mutable but confined to one {@link Engine} call, so the engine stays a pure function.
 */
final class Draft {

    private final Pipeline base;
    private final List<Job> jobs;
    /** Each job's place in {@link #jobs}: an event looks jobs up by id many times. */
    private final Map<Long, Integer> positions = new HashMap<>();
    /** {@link #latest()} until a job changes. */
    private List<Job> latest;
    private final List<Command> commands = new ArrayList<>();
    private final Instant now;
    private final ResourceGroups resourceGroups;

    Draft(Pipeline base, Instant now, ResourceGroups resourceGroups) {
        this.base = base;
        this.jobs = new ArrayList<>(base.jobs());
        for (int i = 0; i < jobs.size(); i++) {
            positions.put(jobs.get(i).id(), i);
        }
        this.now = now;
        this.resourceGroups = resourceGroups;
    }

    Instant now() {
        return now;
    }

    Pipeline base() {
        return base;
    }

    ResourceGroups resourceGroups() {
        return resourceGroups;
    }

    Optional<Job> job(long id) {
        return Optional.ofNullable(positions.get(id)).map(jobs::get);
    }

    /** Latest attempts in processing order: by stage, then creation. */
    List<Job> latest() {
        if (latest == null) {
            latest = jobs.stream().filter(j -> !j.retried())
                    .sorted(Comparator.comparingInt(Job::stageIndex).thenComparingLong(Job::id)).toList();
        }
        return latest;
    }

    /** Replaces the job with the same id; a job that stops holding its resource group releases it. */
    void put(Job updated) {
        Integer i = positions.get(updated.id());
        if (i == null) {
            throw new IllegalArgumentException("no job " + updated.id());
        }
        Job old = jobs.set(i, updated);
        latest = null;
        if (holdsResource(old) && !holdsResource(updated)) {
            emit(new Command.ReleaseResource(old.resourceGroup().orElseThrow(), old.id()));
        }
    }

    void add(Job job) {
        positions.put(job.id(), jobs.size());
        jobs.add(job);
        latest = null;
    }

    long nextId() {
        return jobs.stream().mapToLong(Job::id).max().orElse(0) + 1;
    }

    void emit(Command command) {
        commands.add(command);
    }

    static boolean holdsResource(Job job) {
        return job.resourceGroup().isPresent() && !job.retried()
                && (job.status() == JobStatus.PENDING || job.status() == JobStatus.PREPARING
                || job.status() == JobStatus.RUNNING);
    }

    /** Freezes the draft: recomputes the pipeline status and its times, and reports a finish. */
    Transition toTransition() {
        List<Job> frozen = List.copyOf(jobs);
        CompositeStatus composite = CompositeStatus.of(
                Pipeline.members(frozen.stream().filter(j -> !j.retried())), false);
        PipelineStatus status = composite.status().orElse(PipelineStatus.SKIPPED);
        Optional<Instant> started = base.startedAt().isEmpty() && status == PipelineStatus.RUNNING
                ? Optional.of(now) : base.startedAt();
        Optional<Instant> finished = base.finishedAt();
        if (status.isCompleted() && !base.status().isCompleted()) {
            finished = Optional.of(now);
            emit(new Command.PipelineFinished(status, composite.warnings()));
        } else if (!status.isCompleted()) {
            finished = Optional.empty();
        }
        Pipeline next = new Pipeline(base.id(), base.iid(), base.stages(), frozen, status, composite.warnings(),
                base.createdAt(), started, finished, base.settings());
        return new Transition(next, commands, Optional.empty());
    }
}
