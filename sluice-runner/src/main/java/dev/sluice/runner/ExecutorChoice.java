package dev.sluice.runner;

import dev.sluice.executor.Executor;
import dev.sluice.executor.ExecutorException;
import dev.sluice.executor.ShellExecutor;
import dev.sluice.executor.docker.DockerBackend;
import dev.sluice.executor.docker.DockerOptions;

import java.util.List;

/**
 * Makes one {@link Executor} per job for a runner entry's {@code executor}: {@code shell} on this host, or
 * {@code docker} through one {@link DockerBackend} connected on first use and shared by all jobs.
 */
public final class ExecutorChoice implements AutoCloseable {

    public static final List<String> SUPPORTED = List.of("shell", "docker");

    private final String executor;
    private final RunnerEntry.DockerSettings docker;
    private DockerBackend backend;

    public ExecutorChoice(String executor, RunnerEntry.DockerSettings docker) throws ConfigException {
        if (!SUPPORTED.contains(executor)) {
            throw new ConfigException("executor '" + executor + "' is not supported; use one of " + SUPPORTED);
        }
        this.executor = executor;
        this.docker = docker;
    }

    public String name() {
        return executor;
    }

    public synchronized Executor newExecutor() throws ExecutorException {
        if (executor.equals("shell")) {
            return new ShellExecutor();
        }
        if (backend == null) {
            backend = DockerBackend.connect(dockerOptions());
        }
        return backend.newExecutor();
    }

    private DockerOptions dockerOptions() {
        var d = DockerOptions.defaults();
        return new DockerOptions(docker.host().orElse(d.dockerHost()), docker.image().or(d::defaultImage),
                docker.pullPolicy().isEmpty() ? d.pullPolicies() : docker.pullPolicy(), d.allowedPullPolicies(),
                d.pullTimeout(), d.serviceTimeout(), d.cpus(), d.memoryBytes(), d.serviceCpus(), d.serviceMemoryBytes(),
                docker.privileged());
    }

    /** Removes this process's containers: running jobs die with them. */
    @Override
    public synchronized void close() {
        if (backend != null) {
            backend.removeOwn();
            backend.close();
            backend = null;
        }
    }

}
