package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.plan.TriggerContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** V11 fills the new source column of existing pipelines from their trigger records, on H2 and PostgreSQL. */
class PipelineSourceMigrationIT {

    @TempDir
    Path tmp;
    private DatabaseConfig config;

    @AfterEach
    void drop() {
        if (config != null) {
            TestDatabase.drop(config);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void existingPipelinesGetTheSourceTheirTriggerRecordSays(TestDatabase db) {
        config = db.create(tmp);
        Flyway.configure().dataSource(config.url(), config.user(), config.password()).target("10").load().migrate();
        var before = Jdbi.create(config.url(), config.user(), config.password());
        long project = before.withHandle(h -> h.createUpdate("insert into projects (name, path, repo_dir, default_branch)"
                + " values ('app', 'app', '/srv/app.git', 'main')").executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        long push = insert(before, project, record("push", "main", Map.of()));
        long mr = insert(before, project, record("merge_request_event", "refs/merge-requests/1/head", Map.of()));
        long tricky = insert(before, project, record("api", "we\"source\":\"push\"ird", Map.of("source", "push")));
        long legacy = insert(before, project, null);

        try (var database = Database.open(config)) {
            var pipelines = new JdbiPipelines(database.jdbi);
            assertThat(pipelines.find(push).orElseThrow().source()).isEqualTo("push");
            assertThat(pipelines.find(mr).orElseThrow().source()).isEqualTo("merge_request_event");
            assertThat(pipelines.find(tricky).orElseThrow().source()).as("a quote in the ref, a variable named source").isEqualTo("api");
            assertThat(pipelines.find(legacy).orElseThrow().source()).as("before trigger records: only the API made pipelines").isEqualTo("api");
            assertThat(pipelines.ofProject(project, new Pipelines.Filter(null, null, null, "push"), 0, 10))
                    .extracting(Pipelines.PipelineRow::id).containsExactly(push);
        }
    }

    private static String record(String source, String ref, Map<String, String> variables) {
        var trigger = new TriggerContext(ref, false, "a".repeat(40), TriggerContext.NO_SHA, source, Optional.empty(), variables,
                false, Optional.empty());
        return new TriggerRecord(trigger, Instant.parse("2026-01-01T10:00:00Z")).encode();
    }

    private static long insert(Jdbi jdbi, long project, String triggerRecord) {
        return jdbi.withHandle(h -> h.createUpdate("insert into pipelines (project_id, ref, sha, status, trigger_record)"
                        + " values (?, 'main', ?, 'success', ?)").bind(0, project).bind(1, "a".repeat(40)).bind(2, triggerRecord)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
