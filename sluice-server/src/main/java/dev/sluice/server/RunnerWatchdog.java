package dev.sluice.server;

import dev.sluice.engine.JobOutcome;
import dev.sluice.model.FailureReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails a job whose runner went silent (GitLab's {@code Ci::StuckBuilds::DropRunningService}): no job
 * update or trace for {@code timeout} and the job fails with {@code runner_system_failure}, which the
 * engine retries when the job's {@code retry} allows it.
 */
final class RunnerWatchdog {

    /** GitLab drops a running job after an hour without news from its runner. */
    static final Duration GITLAB_TIMEOUT = Duration.ofHours(1);

    private final Jobs jobs;
    private final PipelineRuns runs;
    private final Traces traces;
    private final Duration timeout;
    private final Clock clock;
    private final Map<Long, Instant> lastSeen = new ConcurrentHashMap<>();

    RunnerWatchdog(Jobs jobs, PipelineRuns runs, Traces traces, Duration timeout, Clock clock) {
        this.jobs = jobs;
        this.runs = runs;
        this.traces = traces;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** How often {@link #check()} should run to notice silence soon after the timeout. */
    Duration checkInterval() {
        Duration quarter = timeout.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                : quarter.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : quarter;
    }

    void seen(long jobId) {
        lastSeen.put(jobId, clock.instant());
    }

    void forget(long jobId) {
        lastSeen.remove(jobId);
    }

    void check() {
        Instant cutoff = clock.instant().minus(timeout);
        lastSeen.forEach((jobId, seen) -> {
            if (seen.isBefore(cutoff) && lastSeen.remove(jobId, seen)) {
                drop(jobId);
            }
        });
    }

    private void drop(long jobId) {
        var row = jobs.find(jobId);
        if (row.isEmpty() || !row.get().active()) {
            return;
        }
        traces.finish(jobId); // the log ends here: release what masking held back
        boolean canceling = row.get().status().equals("canceling");
        if (canceling) {
            runs.finish(jobId, new JobOutcome.Canceled(), null, null);
        } else {
            runs.finish(jobId, new JobOutcome.Failed(FailureReason.RUNNER_SYSTEM_FAILURE, Optional.empty()),
                    FailureReason.RUNNER_SYSTEM_FAILURE.yaml(), null);
        }
    }
}
