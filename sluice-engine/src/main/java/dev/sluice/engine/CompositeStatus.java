package dev.sluice.engine;

import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GitLab's composite status ({@code Gitlab::Ci::Status::Composite}): the status of a group of jobs
 * (a pipeline, a stage, a DAG job's needs). Used for pipeline and stage statuses and, through
 * {@link Processor}, to decide whether a created job may run.
 */
public final class CompositeStatus {

    /** One job as the composite sees it: its status and whether it is allowed to fail. */
    public record Member(JobStatus status, boolean allowFailure) {

        static Member of(Job job) {
            return new Member(job.status(), job.allowedToFail());
        }
    }

    /** A job's status, or what an allowed failure or an optional manual job counts as. */
    private enum Key {
        CREATED, WAITING_FOR_RESOURCE, PREPARING, PENDING, RUNNING, SUCCESS, FAILED, CANCELING, CANCELED,
        SKIPPED, MANUAL, SCHEDULED, SUCCESS_WITH_WARNINGS, IGNORED;

        static Key of(Member m) {
            if (m.allowFailure() && (m.status() == JobStatus.FAILED || m.status() == JobStatus.CANCELED)) {
                return SUCCESS_WITH_WARNINGS; // PASSED_WITH_WARNINGS_STATUSES = failed, canceled
            }
            if (m.allowFailure() && m.status() == JobStatus.MANUAL) {
                return IGNORED; // IGNORED_STATUSES = manual
            }
            return valueOf(m.status().name());
        }
    }

    private final EnumSet<Key> keys = EnumSet.noneOf(Key.class);
    private final boolean dag;

    private CompositeStatus(Collection<Member> members, boolean dag) {
        this.dag = dag;
        members.forEach(m -> keys.add(Key.of(m)));
    }

    private CompositeStatus(CompositeStatus base, Collection<Member> more) {
        this(more, base.dag);
        keys.addAll(base.keys);
    }

    /** The composite of {@code members}; {@code dag} for the needs of a job scheduled by {@code needs}. */
    public static CompositeStatus of(Collection<Member> members, boolean dag) {
        return new CompositeStatus(members, dag);
    }

    /** The composite of this one's members and {@code more}. */
    CompositeStatus plus(Collection<Member> more) {
        return new CompositeStatus(this, more);
    }

    /** Any allowed failure among the members: "passed with warnings" when the status is success. */
    public boolean warnings() {
        return keys.contains(Key.SUCCESS_WITH_WARNINGS);
    }

    /** Empty when there are no members (GitLab returns nil; callers choose the default). */
    public Optional<PipelineStatus> status() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(compute());
    }

    /** The ordered rules of {@code Composite#status}; the first that holds wins. */
    private PipelineStatus compute() {
        if (dag && anyOf(Key.SKIPPED, Key.IGNORED)) {
            return PipelineStatus.SKIPPED; // a need that did not run skips the DAG job
        } else if (dag && !onlyOf(Key.SUCCESS, Key.FAILED, Key.CANCELED, Key.SKIPPED, Key.SUCCESS_WITH_WARNINGS)) {
            return PipelineStatus.PENDING; // a need is not complete yet
        } else if (onlyOf(Key.SKIPPED, Key.IGNORED)) {
            return PipelineStatus.SKIPPED;
        } else if (onlyOf(Key.SUCCESS, Key.SKIPPED, Key.SUCCESS_WITH_WARNINGS, Key.IGNORED)) {
            return PipelineStatus.SUCCESS;
        } else if (onlyOf(Key.CREATED, Key.SUCCESS_WITH_WARNINGS, Key.IGNORED)) {
            return PipelineStatus.CREATED;
        } else if (onlyOf(Key.PREPARING, Key.SUCCESS_WITH_WARNINGS, Key.IGNORED)) {
            return PipelineStatus.PREPARING;
        } else if (onlyOf(Key.CANCELED, Key.SUCCESS, Key.SKIPPED, Key.SUCCESS_WITH_WARNINGS, Key.IGNORED)) {
            return PipelineStatus.CANCELED;
        } else if (onlyOf(Key.PENDING, Key.CREATED, Key.SKIPPED, Key.SUCCESS_WITH_WARNINGS, Key.IGNORED)) {
            return PipelineStatus.PENDING;
        } else if (anyOf(Key.CANCELING)) {
            return PipelineStatus.CANCELING; // newer GitLab; Sluice does not produce canceling yet
        } else if (anyOf(Key.RUNNING, Key.PENDING)) {
            return PipelineStatus.RUNNING;
        } else if (anyOf(Key.WAITING_FOR_RESOURCE)) {
            return PipelineStatus.WAITING_FOR_RESOURCE;
        } else if (anyOf(Key.MANUAL)) {
            return PipelineStatus.MANUAL;
        } else if (anyOf(Key.SCHEDULED)) {
            return PipelineStatus.SCHEDULED;
        } else if (anyOf(Key.PREPARING)) {
            return PipelineStatus.PREPARING;
        } else if (anyOf(Key.CREATED)) {
            return PipelineStatus.RUNNING;
        }
        return PipelineStatus.FAILED;
    }

    private boolean onlyOf(Key... allowed) {
        Set<Key> set = EnumSet.noneOf(Key.class);
        set.addAll(List.of(allowed));
        return !keys.isEmpty() && set.containsAll(keys);
    }

    private boolean anyOf(Key... wanted) {
        for (Key k : wanted) {
            if (keys.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
