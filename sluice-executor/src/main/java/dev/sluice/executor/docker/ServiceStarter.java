package dev.sluice.executor.docker;

import dev.sluice.executor.TraceSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Starts a job's services on its network and waits for all of them at once. As in gitlab-runner, a service
 * that does not come up is a warning naming it, with its logs, and the job goes on.
 */
final class ServiceStarter {

    private final DockerEngine engine;
    private final Duration timeout;
    private final Consumer<String> created;

    /** @param created told each container id as soon as it exists, so cleanup finds it even if a later call fails */
    ServiceStarter(DockerEngine engine, Duration timeout, Consumer<String> created) {
        this.engine = engine;
        this.timeout = timeout;
        this.created = created;
    }

    void start(ContainerPlan plan, TraceSink log) {
        var services = plan.services();
        var ids = new ArrayList<String>();
        for (var service : services) {
            log.write("Starting service " + service.image() + " ...\n");
            String id = engine.create(service.container());
            created.accept(id);
            engine.start(id);
            ids.add(id);
        }
        if (services.isEmpty()) {
            return;
        }
        log.write("Waiting for services to be up and running (timeout " + timeout.toSeconds() + " seconds)...\n");
        var readiness = new ServiceReadiness(engine);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new ArrayList<Future<Optional<String>>>();
            for (int i = 0; i < services.size(); i++) {
                String id = ids.get(i);
                var service = services.get(i);
                Callable<Optional<String>> wait = () -> readiness.await(id, plan.network(), service.healthPort(), timeout);
                results.add(threads.submit(wait));
            }
            for (int i = 0; i < services.size(); i++) {
                Optional<String> error = result(results.get(i));
                if (error.isPresent()) {
                    log.write(warning(services.get(i), error.get(), engine.tail(ids.get(i), 20)));
                }
            }
        }
    }

    private static Optional<String> result(Future<Optional<String>> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return Optional.of(DockerExecutor.message(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** gitlab-runner's wording, with the service's image and aliases so a person knows which one. */
    static String warning(ContainerPlan.ServicePlan service, String error, String logs) {
        return "\n\u001b[0;33m*** WARNING:\u001b[0;m Service " + service.image() + " (aliases " + String.join(", ", service.container().aliases())
                + ") probably didn't start properly.\n\nHealth check error:\n" + error + "\n\nService container logs:\n" + logs
                + "\n\u001b[0;33m*********\u001b[0;m\n\n";
    }
}
