package dev.sluice.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The pipeline store, reporting each change of a mirror project's pipeline status to the forge it mirrors (when
 * the mirror names a status target). The scheduler stores the status on every transition; only changes are sent.
 */
final class StatusReportingPipelines implements Pipelines {

    private final Pipelines store;
    private final Mirrors mirrors;
    private final CommitStatusReporter reporter;
    private final Supplier<String> serverUrl;
    private final Map<Long, String> reported = new ConcurrentHashMap<>();

    StatusReportingPipelines(Pipelines store, Mirrors mirrors, CommitStatusReporter reporter,
                             Supplier<String> serverUrl) {
        this.store = store;
        this.mirrors = mirrors;
        this.reporter = reporter;
        this.serverUrl = serverUrl;
    }

    @Override
    public void setUser(long id, long userId) {
        store.setUser(id, userId);
    }

    @Override
    public void setStatus(long id, String status) {
        store.setStatus(id, status);
        changed(id, status);
    }

    @Override
    public void fail(long id, String errors) {
        store.fail(id, errors);
        changed(id, "failed");
    }

    @Override
    public Optional<PipelineRow> find(long id) {
        return store.find(id);
    }

    @Override
    public java.util.List<PipelineRow> ofProject(long projectId, Filter filter, long offset, int limit) {
        return store.ofProject(projectId, filter, offset, limit);
    }

    @Override
    public long count(long projectId, Filter filter) {
        return store.count(projectId, filter);
    }

    private void changed(long id, String status) {
        if (status.equals(reported.put(id, status))) {
            return;
        }
        store.find(id).ifPresent(row -> mirrors.find(row.projectId()).flatMap(Mirrors.Mirror::status).ifPresent(target -> {
            reporter.report(target, new CommitStatusApi.CommitStatus(row.sha(), row.ref(), status,
                    serverUrl.get() + "/-/pipelines/" + id, "Sluice pipeline #" + id + ": " + status));
        }));
    }
}
