package dev.sluice.engine;

import dev.sluice.model.PipelineStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run state of one pipeline: every job attempt (retried ones included) in creation order, the
 * composite status of the latest attempts and whether it passed with warnings. Immutable: the
 * {@link Engine} returns a new one for each event.
 */
public record Pipeline(long id, long iid, List<String> stages, List<Job> jobs, PipelineStatus status,
                       boolean warnings, Instant createdAt, Optional<Instant> startedAt,
                       Optional<Instant> finishedAt, PipelineSettings settings) {

    public Pipeline {
        stages = List.copyOf(stages);
        jobs = List.copyOf(jobs);
    }

    public Optional<Job> job(long jobId) {
        return jobs.stream().filter(j -> j.id() == jobId).findFirst();
    }

    /** The latest attempt of each job, in creation order of the first attempt. */
    public List<Job> latestJobs() {
        return jobs.stream().filter(j -> !j.retried()).toList();
    }

    /** The latest attempt of the job called {@code name}. */
    public Optional<Job> latest(String name) {
        return jobs.stream().filter(j -> !j.retried() && j.name().equals(name)).findFirst();
    }

    /** Every attempt of the job called {@code name}, oldest first. */
    public List<Job> attempts(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).toList();
    }

    /** A stage's composite status; empty for a stage without jobs (GitLab does not show it). */
    public Optional<PipelineStatus> stageStatus(String stage) {
        return CompositeStatus.of(members(latestJobs().stream().filter(j -> j.stage().equals(stage))), false).status();
    }

    /** GitLab's "passed with warnings". */
    public boolean passedWithWarnings() {
        return status == PipelineStatus.SUCCESS && warnings;
    }

    static List<CompositeStatus.Member> members(Stream<Job> jobs) {
        return jobs.map(CompositeStatus.Member::of).toList();
    }
}
