package dev.sluice.executor.docker;

import dev.sluice.executor.Cancellation;
import dev.sluice.executor.Executor;
import dev.sluice.executor.ExecutorException;
import dev.sluice.executor.JobEnvironment;
import dev.sluice.executor.ScriptStep;
import dev.sluice.executor.StepResult;
import dev.sluice.executor.TraceSink;
import dev.sluice.executor.Workspace;
import dev.sluice.model.ImageSpec;
import dev.sluice.model.JobSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs a job's steps in containers of its image, with its services on a private network, like
 * gitlab-runner's Docker executor: each step is a fresh container with the working copy mounted, removed
 * when the step ends; a timeout or cancel kills it. Everything it creates carries the owner's labels and is
 * removed by {@link #cleanup}. Made by {@link DockerBackend#newExecutor}; one instance per job.
 */
public final class DockerExecutor implements Executor {

    private final DockerEngine engine;
    private final DockerOptions options;
    private final Owner owner;
    private final List<String> containers = new CopyOnWriteArrayList<>();
    private volatile String networkId;
    private ContainerPlan plan;
    private JobEnvironment environment;
    private int steps;

    DockerExecutor(DockerEngine engine, DockerOptions options, Owner owner) {
        this.engine = engine;
        this.options = options;
        this.owner = owner;
    }

    @Override
    public void prepare(JobSpec job, Workspace workspace, TraceSink log) throws ExecutorException {
        plan = new ContainerPlan(job, options, owner, owner.namePrefix(job.id()), workspace.projectDir(job), workspace.tmpDir(job));
        ImageSpec image = plan.image().orElseThrow(() -> new ExecutorException(
                "job has no image and the Docker executor has no default image: set image: in the job or a default image"));
        log.write("Using Docker executor with image " + image.name() + " ...\n");
        var puller = new ImagePuller(engine, options.pullTimeout());
        try {
            puller.ensure(image.name(), policies(image), log);
            for (ImageSpec service : job.services()) {
                puller.ensure(service.name(), policies(service), log);
            }
            environment = plan.environment();
            writeFiles(workspace.projectDir(job));
            networkId = engine.createNetwork(plan.network(), plan.labels("network"));
            new ServiceStarter(engine, options.serviceTimeout(), containers::add).start(plan, log);
        } catch (RuntimeException e) {
            throw new ExecutorException("Docker engine error: " + message(e), e);
        }
    }

    private List<PullPolicy> policies(ImageSpec image) throws ExecutorException {
        try {
            return PullPolicy.resolve(image.pullPolicy(), options.runnerPolicies(), options.allowedPolicies());
        } catch (IllegalArgumentException e) {
            throw new ExecutorException(e.getMessage(), e);
        }
    }

    private void writeFiles(Path projectDir) throws ExecutorException {
        try {
            Files.createDirectories(projectDir);
            for (var file : environment.files().entrySet()) {
                Path host = plan.hostPath(file.getKey());
                Files.createDirectories(host.getParent());
                Files.writeString(host, file.getValue());
            }
        } catch (IOException e) {
            throw new ExecutorException("cannot write file variables: " + e.getMessage(), e);
        }
    }

    @Override
    public StepResult run(ScriptStep step, TraceSink log, Cancellation cancel) {
        int n = ++steps;
        String fileName = step.stage().id() + "-" + n + ".sh";
        Path hostScript = plan.hostPath(Path.of(plan.tmpDir(), fileName));
        String id = null;
        Runnable onCancel = null;
        try {
            Files.writeString(hostScript, step.script());
            id = engine.create(plan.step(step, n, environment, plan.tmpDir() + "/" + fileName));
            containers.add(id);
            engine.start(id);
            String started = id;
            onCancel = () -> engine.kill(started);
            cancel.onCancel(onCancel); // runs at once if the cancel came first
            var output = engine.follow(id, log);
            OptionalInt exit = engine.await(id, step.timeout());
            if (exit.isEmpty()) {
                engine.kill(id);
            }
            output.awaitCompletion(10, TimeUnit.SECONDS);
            output.close();
            if (cancel.isCanceled()) {
                return new StepResult.Canceled();
            }
            return exit.isPresent() ? new StepResult.Exited(exit.getAsInt()) : new StepResult.TimedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepResult.Canceled();
        } catch (IOException | RuntimeException e) {
            return new StepResult.SystemFailure("Docker engine error: " + message(e));
        } finally {
            if (onCancel != null) {
                cancel.remove(onCancel);
            }
            if (id != null) {
                removeQuietly(id);
            }
            try {
                Files.deleteIfExists(hostScript);
            } catch (IOException e) {
                // the temporary directory goes with the job
            }
        }
    }

    @Override
    public void cleanup() {
        for (String id : List.copyOf(containers)) {
            removeQuietly(id);
        }
        String network = networkId;
        if (network != null) {
            try {
                engine.removeNetwork(network);
                networkId = null;
            } catch (RuntimeException e) {
                // the next start removes it as a leftover
            }
        }
    }

    private void removeQuietly(String id) {
        try {
            engine.remove(id);
            containers.remove(id);
        } catch (RuntimeException e) {
            // kept in the list: cleanup tries again, the next start removes it as a leftover
        }
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().strip();
    }
}
