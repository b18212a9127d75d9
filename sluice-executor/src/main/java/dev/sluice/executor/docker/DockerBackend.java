package dev.sluice.executor.docker;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.sluice.executor.Executor;
import dev.sluice.executor.ExecutorException;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * One connection to a Docker engine for the whole Sluice process: it makes a {@link DockerExecutor} per job,
 * removes what killed Sluice processes left behind when it connects, and removes this process's own
 * containers and networks on {@link #removeOwn} (a shutdown hook, for Ctrl-C).
 */
public final class DockerBackend implements AutoCloseable {

    private final DockerEngine engine;
    private final DockerOptions options;
    private final Owner owner = Owner.current();
    private final int leftoversRemoved;

    private DockerBackend(DockerEngine engine, DockerOptions options) {
        this.engine = engine;
        this.options = options;
        this.leftoversRemoved = remove(ownerId -> !Owner.isAlive(ownerId));
    }

    /** Connects and removes leftovers of dead Sluice processes; fails with a message a person can act on. */
    public static DockerBackend connect(DockerOptions options) throws ExecutorException {
        var engine = new DockerEngine(options.dockerHost());
        try {
            engine.version();
        } catch (RuntimeException e) {
            closeQuietly(engine);
            throw new ExecutorException("cannot reach the Docker engine at " + options.dockerHost() + ": "
                    + DockerExecutor.message(e) + " (is dockerd running? set DOCKER_HOST)", e);
        }
        return new DockerBackend(engine, options);
    }

    public Executor newExecutor() {
        return new DockerExecutor(engine, options, owner);
    }

    /** How many containers and networks of dead Sluice processes {@link #connect} removed. */
    public int leftoversRemoved() {
        return leftoversRemoved;
    }

    /**
     * Removes every container and network this process made (running jobs die with them) and refuses new ones
     * from now on, so a job that goes on to its next step cannot leave a container behind.
     */
    public int removeOwn() {
        engine.refuseNewContainers();
        return remove(owner.id()::equals);
    }

    /** Calls {@link #removeOwn} when the JVM shuts down (Ctrl-C, SIGTERM). */
    public void removeOwnOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeOwn, "sluice-docker-cleanup"));
    }

    /** Removes what carries an owner label of this host that {@code ownerMatches}. */
    private int remove(Predicate<String> ownerMatches) {
        Predicate<java.util.Map<String, String>> matches = labels -> Owner.THIS_HOST.equals(labels.get(Owner.HOST))
                && ownerMatches.test(labels.getOrDefault(Owner.OWNER, ""));
        int removed = 0;
        try {
            for (Container c : engine.containersLabelled(Owner.MANAGED)) {
                if (matches.test(c.getLabels()) && quietly(() -> engine.remove(c.getId()))) {
                    removed++;
                }
            }
            for (Network n : engine.networksLabelled(Owner.MANAGED)) {
                if (matches.test(n.getLabels()) && quietly(() -> engine.removeNetwork(n.getId()))) {
                    removed++;
                }
            }
        } catch (RuntimeException e) {
            // the engine does not answer: what is left is removed at the next start
        }
        return removed;
    }

    private static boolean quietly(Runnable removal) {
        try {
            removal.run();
            return true;
        } catch (RuntimeException e) {
            return false; // removed at the next start
        }
    }

    @Override
    public void close() {
        closeQuietly(engine);
    }

    private static void closeQuietly(DockerEngine engine) {
        try {
            engine.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
