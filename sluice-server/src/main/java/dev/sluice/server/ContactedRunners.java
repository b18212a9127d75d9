package dev.sluice.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runners that remember when each last authenticated (any runner API call looks its token up here), so the
 * metrics can count the runners online. Like GitLab, a runner is online when it called within the last two hours.
 * Kept in memory: each coordinator node counts the runners that talk to it.
 */
final class ContactedRunners implements Runners {

    static final Duration ONLINE = Duration.ofHours(2);

    private final Runners store;
    private final Clock clock;
    private final Map<Long, Instant> contacted = new ConcurrentHashMap<>();

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
        var runner = store.byTokenHash(tokenHash);
        runner.ifPresent(r -> contacted.put(r.id(), clock.instant()));
        return runner;
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
        return store.assign(runnerId, projectId);
    }

    @Override
    public boolean unassign(long runnerId, long projectId) {
        return store.unassign(runnerId, projectId);
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
        return store.update(settings);
    }

    @Override
    public boolean delete(long id) {
        contacted.remove(id);
        return store.delete(id);
    }

    @Override
    public void touchManager(long runnerId, String systemId) {
        store.touchManager(runnerId, systemId);
    }

    @Override
    public boolean deleteManager(long runnerId, String systemId) {
        return store.deleteManager(runnerId, systemId);
    }
}
