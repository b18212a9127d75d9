package dev.sluice.server;

import dev.sluice.engine.plan.TriggerContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A long pipeline history for a project, written straight through the pipeline stores (a real trigger record, then
 * running, then finished) instead of planning each pipeline from git: {@code sluice bench ui} needs 10,000 of them
 * in seconds. They have no jobs; the web UI lists them like any other.
 */
public final class SyntheticPipelines {

    private SyntheticPipelines() {
    }

    /** What the i-th pipeline looks like: ref, source and final status, so lists and filters see a realistic mix. */
    public record Shape(String ref, String source, String status) {

        /** Half on main, the rest over 50 feature branches; one in seven failed; pushes, merge requests, API calls. */
        public static Shape of(int i) {
            String ref = i % 2 == 0 ? "main" : "feature-" + i % 50;
            String source = i % 5 == 0 ? "api" : i % 3 == 0 ? "merge_request_event" : "push";
            return new Shape(ref, source, i % 7 == 0 ? "failed" : "success");
        }
    }

    /** Adds {@code count} finished pipelines at {@code sha} to the project, oldest first, shaped by {@link Shape#of}. */
    public static void add(Coordinator coordinator, long projectId, String sha, int count) {
        var jdbi = coordinator.jdbi();
        var journal = new JdbiPipelineJournal(jdbi);
        var pipelines = new JdbiPipelines(jdbi);
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            var shape = Shape.of(i);
            var trigger = new TriggerContext(shape.ref(), false, sha, TriggerContext.NO_SHA, shape.source(), Optional.empty(),
                    Map.of(), shape.ref().equals("main"), Optional.empty());
            long id = journal.open(projectId, shape.ref(), sha, shape.source(), new TriggerRecord(trigger, created.plusSeconds(i)).encode());
            pipelines.setStatus(id, "running");
            pipelines.setStatus(id, shape.status());
        }
    }
}
