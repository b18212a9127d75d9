package dev.sluice.server;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiPipelineJournal implements PipelineJournal {

    private final Jdbi jdbi;

    JdbiPipelineJournal(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long open(long projectId, String ref, String sha, String source, String triggerRecord) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "insert into pipelines (project_id, ref, sha, status, source, trigger_record) values (?, ?, ?, 'created', ?, ?)")
                .bind(0, projectId).bind(1, ref).bind(2, sha).bind(3, source).bind(4, triggerRecord)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public Optional<String> triggerRecord(long pipelineId) {
        return jdbi.withHandle(h -> h.createQuery("select trigger_record from pipelines where id = ?").bind(0, pipelineId)
                .mapTo(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst());
    }

    @Override
    public void append(long pipelineId, String event) {
        jdbi.useHandle(h -> h.createUpdate("insert into pipeline_events (pipeline_id, event) values (?, ?)")
                .bind(0, pipelineId).bind(1, event).execute());
    }

    @Override
    public List<String> events(long pipelineId) {
        return jdbi.withHandle(h -> h.createQuery("select event from pipeline_events where pipeline_id = ? order by id")
                .bind(0, pipelineId).mapTo(String.class).list());
    }

    @Override
    public List<Long> unfinished() {
        return jdbi.withHandle(h -> h.createQuery("select id from pipelines where trigger_record is not null"
                        + " and status not in ('success', 'failed', 'canceled', 'skipped') order by id")
                .mapTo(Long.class).list());
    }
}
