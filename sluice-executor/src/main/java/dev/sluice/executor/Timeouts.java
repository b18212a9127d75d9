package dev.sluice.executor;

import dev.sluice.model.JobSpec;

import java.time.Duration;
import java.util.Optional;

/**
 * gitlab-runner's timeout rules. The job timeout bounds everything. {@code RUNNER_SCRIPT_TIMEOUT} may give
 * the script less, which leaves room for {@code after_script}; {@code after_script} gets
 * {@code RUNNER_AFTER_SCRIPT_TIMEOUT} (5 minutes by default), but never past the job's deadline: when the
 * script used the whole job timeout, there is no {@code after_script}.
 */
record Timeouts(Duration job, Optional<Duration> script, Duration afterScript) {

    static final Duration DEFAULT_AFTER_SCRIPT = Duration.ofMinutes(5);

    static Timeouts of(JobSpec job) {
        Optional<Duration> script = job.variable("RUNNER_SCRIPT_TIMEOUT").flatMap(GoDuration::parse)
                .filter(d -> !d.isZero());
        Duration after = job.variable("RUNNER_AFTER_SCRIPT_TIMEOUT").flatMap(GoDuration::parse)
                .filter(d -> !d.isZero()).orElse(DEFAULT_AFTER_SCRIPT);
        return new Timeouts(job.timeout(), script, after);
    }

    /** How long the script may run, given what is left of the job. */
    Duration forScript(Duration jobLeft) {
        return script.filter(s -> s.compareTo(jobLeft) < 0).orElse(jobLeft);
    }

    /** How long after_script may run; zero means it does not run. */
    Duration forAfterScript(Duration jobLeft) {
        if (jobLeft.isNegative() || jobLeft.isZero()) {
            return Duration.ZERO;
        }
        return afterScript.compareTo(jobLeft) < 0 ? afterScript : jobLeft;
    }
}
