package dev.sluice.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runner store as the runner API uses it, on every request: remembers when each runner last authenticated,
 * so the metrics can count the runners online (like GitLab: called within the last two hours), and keeps the
 * runners it looked up by token for {@link #FRESH}, as GitLab caches runners, so a runner's polls cost no query.
 * Changes made through this node take effect at once; changes made on another coordinator node within
 * {@link #FRESH}. Kept in memory: each node counts the runners that talk to it.
 */
final class ContactedRunners implements Runners {

    static final Duration ONLINE = Duration.ofHours(2);
    static final Duration FRESH = Duration.ofSeconds(10);

    private record Looked(Runner runner, Instant at) {
    }

    private final Runners store;
    private final Clock clock;
    private final Map<Long, Instant> contacted = new ConcurrentHashMap<>();
    /** Managers this node has recorded: a runner names its system on every request, the store needs it once. */
    private final java.util.Set<String> knownManagers = ConcurrentHashMap.newKeySet();
    private final Map<String, Looked> byToken = new ConcurrentHashMap<>();

    ContactedRunners(Runners store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Runners that called within {@link #ONLINE}. */
    long online() {
        Instant since = clock.instant().minus(ONLINE);
        contacted.values().removeIf(at -> at.isBefore(since));
        return contacted.size();
    }

    @Override
    public Runner create(String tokenHash, Runner settings) {
        return store.create(tokenHash, settings);
    }

    @Override
    public Optional<Runner> byTokenHash(String tokenHash) {
        Instant now = clock.instant();
        Looked looked = byToken.get(tokenHash);
        if (looked == null || looked.at().plus(FRESH).isBefore(now)) {
            var found = store.byTokenHash(tokenHash);
            if (found.isEmpty()) {
                byToken.remove(tokenHash);
                return found;
            }
            looked = new Looked(found.get(), now);
            byToken.put(tokenHash, looked);
        }
        contacted.put(looked.runner().id(), now);
        return Optional.of(looked.runner());
    }

    @Override
    public Optional<Runner> find(long id) {
        return store.find(id);
    }

    @Override
    public java.util.List<Runner> availableTo(long projectId) {
        return store.availableTo(projectId);
    }

    @Override
    public boolean assign(long runnerId, long projectId) {
        boolean done = store.assign(runnerId, projectId);
        forget(runnerId); // after the store changed: a lookup meanwhile may have cached the old runner
        return done;
    }

    @Override
    public boolean unassign(long runnerId, long projectId) {
        boolean done = store.unassign(runnerId, projectId);
        forget(runnerId); // after the store changed: a lookup meanwhile may have cached the old runner
        return done;
    }

    @Override
    public java.util.List<Runner> list(long offset, int limit) {
        return store.list(offset, limit);
    }

    @Override
    public long count() {
        return store.count();
    }

    @Override
    public boolean update(Runner settings) {
        boolean done = store.update(settings);
        forget(settings.id()); // after the store changed: a lookup meanwhile may have cached the old runner
        return done;
    }

    @Override
    public boolean delete(long id) {
        contacted.remove(id);
        knownManagers.removeIf(key -> key.startsWith(id + "/"));
        boolean done = store.delete(id);
        forget(id);
        return done;
    }

    @Override
    public void touchManager(long runnerId, String systemId) {
        if (knownManagers.add(runnerId + "/" + systemId)) {
            store.touchManager(runnerId, systemId);
        }
    }

    @Override
    public boolean deleteManager(long runnerId, String systemId) {
        knownManagers.remove(runnerId + "/" + systemId);
        return store.deleteManager(runnerId, systemId);
    }

    private void forget(long runnerId) {
        byToken.values().removeIf(looked -> looked.runner().id() == runnerId);
    }
}
