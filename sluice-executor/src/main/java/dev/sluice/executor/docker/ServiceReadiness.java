package dev.sluice.executor.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import dev.sluice.executor.GoDuration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Waits until a service container accepts TCP connections on its exposed ports (or only on
 * {@code HEALTHCHECK_TCP_PORT}), like gitlab-runner's health check. A service without exposed ports is
 * ready at once. The check connects from the runner's host to the container's address on the job network,
 * which works where the engine runs on this host (a unix socket).
 */
final class ServiceReadiness {

    private static final Duration POLL = Duration.ofMillis(200);

    private final DockerEngine engine;

    ServiceReadiness(DockerEngine engine) {
        this.engine = engine;
    }

    /** Empty when ready, else why not (the health check error gitlab-runner prints). */
    Optional<String> await(String containerId, String network, Optional<Integer> healthPort, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InspectContainerResponse first = engine.inspect(containerId);
        Set<Integer> waiting = new LinkedHashSet<>(healthPort.map(List::of).orElseGet(() -> tcpPorts(first)));
        InspectContainerResponse info;
        while (!waiting.isEmpty()) {
            info = engine.inspect(containerId);
            if (!Boolean.TRUE.equals(info.getState().getRunning())) {
                return Optional.of("service container exited with code " + info.getState().getExitCodeLong());
            }
            ContainerNetwork net = info.getNetworkSettings().getNetworks().get(network);
            if (net != null && net.getIpAddress() != null && !net.getIpAddress().isEmpty()) {
                String ip = net.getIpAddress();
                waiting.removeIf(port -> accepts(ip, port));
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("no connection on port " + waiting.stream().map(String::valueOf).toList() + " within "
                        + GoDuration.format(timeout) + " (timeout)");
            }
            Thread.sleep(POLL);
        }
        return Optional.empty();
    }

    private static List<Integer> tcpPorts(InspectContainerResponse info) {
        var out = new ArrayList<Integer>();
        ExposedPort[] ports = info.getConfig().getExposedPorts();
        if (ports != null) {
            for (ExposedPort p : ports) {
                if (p.getProtocol() == InternetProtocol.TCP) {
                    out.add(p.getPort());
                }
            }
        }
        return out;
    }

    private static boolean accepts(String ip, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(ip, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
