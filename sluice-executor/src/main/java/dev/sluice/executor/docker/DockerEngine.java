package dev.sluice.executor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.sluice.executor.TraceSink;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The Docker Engine API calls the executor makes, and nothing else: a thin edge over docker-java with its
 * zero-dependency transport. Every method is safe to call from any thread.
 */
final class DockerEngine implements Closeable {

    private final DockerClient client;
    private volatile boolean refusing;

    DockerEngine(String dockerHost) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
        // no response timeout: attach, logs and wait stay open for as long as a step runs
        var http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .maxConnections(64).connectionTimeout(Duration.ofSeconds(10)).build();
        client = DockerClientImpl.getInstance(config, http);
    }

    /** The engine's version; throws when it cannot be reached. */
    String version() {
        return client.versionCmd().exec().getVersion();
    }

    boolean imagePresent(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Pulls {@code image}; false when it did not finish within {@code timeout} (the pull is abandoned). */
    boolean pull(ImageRef image, Duration timeout) throws InterruptedException {
        var cmd = client.pullImageCmd(image.repository());
        if (image.digest().isEmpty()) {
            cmd.withTag(image.tag());
        } else {
            cmd = client.pullImageCmd(image.canonical());
        }
        try (PullImageResultCallback callback = cmd.exec(new PullImageResultCallback())) {
            return callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            return true; // closing the finished stream failed: the pull itself is over
        }
    }

    /** From now on {@link #create} and {@link #createNetwork} fail: Sluice is shutting down. */
    void refuseNewContainers() {
        refusing = true;
    }

    private void checkAccepting() {
        if (refusing) {
            throw new IllegalStateException("Sluice is shutting down: no new containers");
        }
    }

    String createNetwork(String name, Map<String, String> labels) {
        checkAccepting();
        return client.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true).withLabels(labels).exec().getId();
    }

    String create(ContainerSpec spec) {
        checkAccepting();
        var host = HostConfig.newHostConfig().withNetworkMode(spec.network()).withPrivileged(spec.privileged())
                .withBinds(spec.binds().stream().map(b -> new Bind(b.host().toString(), new Volume(b.container()))).toList());
        if (spec.limits().cpus() > 0) {
            host.withNanoCPUs(spec.limits().nanoCpus());
        }
        if (spec.limits().memoryBytes() > 0) {
            host.withMemory(spec.limits().memoryBytes());
        }
        CreateContainerCmd cmd = client.createContainerCmd(spec.image()).withName(spec.name()).withLabels(spec.labels())
                .withEnv(spec.envLines()).withHostConfig(host).withAliases(spec.aliases());
        spec.entrypoint().ifPresent(cmd::withEntrypoint);
        if (!spec.cmd().isEmpty()) {
            cmd.withCmd(spec.cmd());
        }
        spec.workingDir().ifPresent(cmd::withWorkingDir);
        return cmd.exec().getId();
    }

    void start(String id) {
        client.startContainerCmd(id).exec();
    }

    /** Streams the container's stdout and stderr, from its start, to {@code sink} until it exits. */
    ResultCallback.Adapter<Frame> follow(String id, TraceSink sink) {
        return client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        byte[] payload = frame.getPayload();
                        sink.write(payload, 0, payload.length);
                    }
                });
    }

    /** The last lines the container wrote, for messages about a failed service. */
    String tail(String id, int lines) {
        var out = new StringBuilder();
        try {
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (out) {
                                out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                            }
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (RuntimeException | InterruptedException e) {
            return "(no logs: " + e.getMessage() + ")";
        }
        synchronized (out) {
            return out.toString();
        }
    }

    /** The exit code, or empty when the container still runs after {@code timeout}. */
    OptionalInt await(String id, Duration timeout) {
        try (var callback = client.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
            return OptionalInt.of(callback.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (com.github.dockerjava.api.exception.DockerClientException e) {
            if (e.getMessage() != null && e.getMessage().contains("timeout")) {
                return OptionalInt.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    InspectContainerResponse inspect(String id) {
        return client.inspectContainerCmd(id).exec();
    }

    /** Sends SIGKILL; a container that already stopped is fine. */
    void kill(String id) {
        try {
            client.killContainerCmd(id).exec();
        } catch (NotFoundException | ConflictException | NotModifiedException e) {
            // gone or not running: nothing to kill
        }
    }

    /** Removes a container (killing it first) with its anonymous volumes; a missing one is fine. */
    void remove(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (ConflictException e) {
            if (e.getMessage() == null || !e.getMessage().contains("already in progress")) {
                throw e;
            }
        }
    }

    void removeNetwork(String id) {
        try {
            client.removeNetworkCmd(id).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** Containers (running or not) and networks carrying label {@code key}. */
    List<Container> containersLabelled(String key) {
        return client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(key)).exec();
    }

    List<Network> networksLabelled(String key) {
        return client.listNetworksCmd().withFilter("label", List.of(key)).exec();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
