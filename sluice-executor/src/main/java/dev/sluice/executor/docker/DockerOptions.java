package dev.sluice.executor.docker;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the Docker executor runs jobs: the runner's {@code [runners.docker]} settings that matter here.
 *
 * @param dockerHost          {@code unix:///var/run/docker.sock} or the value of {@code DOCKER_HOST}
 * @param defaultImage        for jobs without {@code image:}; empty means such jobs fail
 * @param pullPolicies        the runner's policies, for images whose job gives none ({@code [if-not-present]})
 * @param allowedPullPolicies what a job may ask for; gitlab-runner defaults it to the runner's own policies
 * @param pullTimeout         a pull that takes longer fails (no registry reachable must not hang a job)
 * @param serviceTimeout      gitlab-runner's {@code wait_for_services_timeout} (30 s)
 * @param cpus                build container CPUs, 0 for no limit
 * @param memoryBytes         build container memory, 0 for no limit
 * @param serviceCpus         per service container, 0 for no limit
 * @param serviceMemoryBytes  per service container, 0 for no limit
 * @param privileged          run build and service containers privileged
 */
public record DockerOptions(String dockerHost, Optional<String> defaultImage, List<String> pullPolicies,
                            List<String> allowedPullPolicies, Duration pullTimeout, Duration serviceTimeout,
                            double cpus, long memoryBytes, double serviceCpus, long serviceMemoryBytes, boolean privileged) {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    public DockerOptions {
        pullPolicies = List.copyOf(pullPolicies);
        allowedPullPolicies = List.copyOf(allowedPullPolicies);
        pullPolicies.forEach(PullPolicy::parse);
        allowedPullPolicies.forEach(PullPolicy::parse);
    }

    /** {@code DOCKER_HOST} or the default socket, if-not-present, no limits, not privileged. */
    public static DockerOptions defaults() {
        String host = Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(h -> !h.isBlank()).orElse(DEFAULT_HOST);
        return new DockerOptions(host, Optional.empty(), List.of("if-not-present"), List.of(), Duration.ofMinutes(5),
                Duration.ofSeconds(30), 0, 0, 0, 0, false);
    }

    public DockerOptions withDockerHost(String value) {
        return new DockerOptions(value, defaultImage, pullPolicies, allowedPullPolicies, pullTimeout, serviceTimeout, cpus,
                memoryBytes, serviceCpus, serviceMemoryBytes, privileged);
    }

    public DockerOptions withDefaultImage(String value) {
        return new DockerOptions(dockerHost, Optional.of(value), pullPolicies, allowedPullPolicies, pullTimeout, serviceTimeout,
                cpus, memoryBytes, serviceCpus, serviceMemoryBytes, privileged);
    }

    public DockerOptions withPullPolicies(List<String> policies, List<String> allowed) {
        return new DockerOptions(dockerHost, defaultImage, policies, allowed, pullTimeout, serviceTimeout, cpus, memoryBytes,
                serviceCpus, serviceMemoryBytes, privileged);
    }

    public DockerOptions withTimeouts(Duration pull, Duration services) {
        return new DockerOptions(dockerHost, defaultImage, pullPolicies, allowedPullPolicies, pull, services, cpus, memoryBytes,
                serviceCpus, serviceMemoryBytes, privileged);
    }

    public DockerOptions withLimits(double buildCpus, long buildMemory, double perServiceCpus, long perServiceMemory) {
        return new DockerOptions(dockerHost, defaultImage, pullPolicies, allowedPullPolicies, pullTimeout, serviceTimeout,
                buildCpus, buildMemory, perServiceCpus, perServiceMemory, privileged);
    }

    public DockerOptions withPrivileged(boolean value) {
        return new DockerOptions(dockerHost, defaultImage, pullPolicies, allowedPullPolicies, pullTimeout, serviceTimeout, cpus,
                memoryBytes, serviceCpus, serviceMemoryBytes, value);
    }

    List<PullPolicy> runnerPolicies() {
        return pullPolicies.stream().map(PullPolicy::parse).toList();
    }

    /** gitlab-runner: when {@code allowed_pull_policies} is not set, the runner's {@code pull_policy} is what is allowed. */
    List<PullPolicy> allowedPolicies() {
        return (allowedPullPolicies.isEmpty() ? pullPolicies : allowedPullPolicies).stream().map(PullPolicy::parse).toList();
    }
}
