package dev.sluice.cli.run;

import dev.sluice.executor.Executor;
import dev.sluice.executor.ExecutorException;
import dev.sluice.executor.ShellExecutor;
import dev.sluice.executor.docker.DockerBackend;
import dev.sluice.executor.docker.DockerOptions;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a run's jobs execute: bash on this machine, or containers of a Docker engine (one backend
 * per run: it removes its own containers on exit, and leftovers of dead runs when it connects).
 */
public final class Executors implements AutoCloseable {

    private final Supplier<Executor> factory;
    private final Optional<DockerBackend> docker;

    private Executors(Supplier<Executor> factory, Optional<DockerBackend> docker) {
        this.factory = factory;
        this.docker = docker;
    }

    public static Executors shell() {
        return new Executors(ShellExecutor::new, Optional.empty());
    }

    /** Connects to the engine; a clear {@link IllegalStateException} when it cannot be reached. */
    public static Executors docker(Optional<String> host, Optional<String> defaultImage, List<String> pullPolicies) {
        DockerOptions options = DockerOptions.defaults();
        options = host.map(options::withDockerHost).orElse(options);
        options = defaultImage.map(options::withDefaultImage).orElse(options);
        if (!pullPolicies.isEmpty()) {
            options = options.withPullPolicies(pullPolicies, List.of());
        }
        try {
            DockerBackend backend = DockerBackend.connect(options);
            backend.removeOwnOnShutdown();
            return new Executors(backend::newExecutor, Optional.of(backend));
        } catch (ExecutorException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public Supplier<Executor> factory() {
        return factory;
    }

    /** Whether jobs run in containers (so {@code image:} is honoured). */
    public boolean containers() {
        return docker.isPresent();
    }

    @Override
    public void close() {
        docker.ifPresent(DockerBackend::close);
    }
}
