package dev.sluice.protocol;

/** {@code runner_info}: the job timeout in seconds, after the runner's {@code maximum_timeout} cap. */
public record RunnerInfo(Long timeout, String uuid) {
}
