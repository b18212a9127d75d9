package dev.sluice.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.Event;
import dev.sluice.engine.JobOutcome;
import dev.sluice.engine.TimerKind;
import dev.sluice.model.FailureReason;
import dev.sluice.model.PipelineStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Engine events as the {@link PipelineJournal} stores them: one JSON object each, with a {@code type}
 * and the event's own fields. An exhaustive switch, so a new event type cannot be forgotten here.
 */
final class EventCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventCodec() {
    }

    static String encode(Event event) {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", event.at().toString());
        switch (event) {
            case Event.JobStarted e -> job(o, "job_started", e.jobId());
            case Event.JobFinished e -> {
                job(o, "job_finished", e.jobId());
                switch (e.outcome()) {
                    case JobOutcome.Success s -> o.put("outcome", "success");
                    case JobOutcome.Canceled c -> o.put("outcome", "canceled");
                    case JobOutcome.Failed f -> {
                        o.put("outcome", "failed");
                        o.put("reason", f.reason().yaml());
                        f.exitCode().ifPresent(code -> o.put("exit_code", code));
                    }
                }
            }
            case Event.PlayManual e -> job(o, "play_manual", e.jobId());
            case Event.Unschedule e -> job(o, "unschedule", e.jobId());
            case Event.CancelPipeline e -> o.put("type", "cancel_pipeline");
            case Event.CancelJob e -> job(o, "cancel_job", e.jobId());
            case Event.RetryJob e -> job(o, "retry_job", e.jobId());
            case Event.TimerFired e -> job(o, "timer_fired", e.jobId()).put("kind", e.kind().name());
            case Event.ResourceFreed e -> o.put("type", "resource_freed").put("group", e.group());
            case Event.ChildPipelineCreated e -> job(o, "child_pipeline_created", e.jobId());
            case Event.ChildPipelineFinished e -> job(o, "child_pipeline_finished", e.jobId()).put("status", e.status().yaml());
        }
        return o.toString();
    }

    static Event decode(String text) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable pipeline event: " + e.getOriginalMessage(), e);
        }
        Instant at = Instant.parse(o.get("at").asText());
        long job = o.path("job").asLong();
        return switch (o.get("type").asText()) {
            case "job_started" -> new Event.JobStarted(job, at);
            case "job_finished" -> new Event.JobFinished(job, outcome(o), at);
            case "play_manual" -> new Event.PlayManual(job, at);
            case "unschedule" -> new Event.Unschedule(job, at);
            case "cancel_pipeline" -> new Event.CancelPipeline(at);
            case "cancel_job" -> new Event.CancelJob(job, at);
            case "retry_job" -> new Event.RetryJob(job, at);
            case "timer_fired" -> new Event.TimerFired(job, TimerKind.valueOf(o.get("kind").asText()), at);
            case "resource_freed" -> new Event.ResourceFreed(o.get("group").asText(), at);
            case "child_pipeline_created" -> new Event.ChildPipelineCreated(job, at);
            case "child_pipeline_finished" -> new Event.ChildPipelineFinished(job,
                    PipelineStatus.fromYaml(o.get("status").asText()).orElseThrow(), at);
            default -> throw new IllegalStateException("unknown pipeline event type in " + text);
        };
    }

    private static ObjectNode job(ObjectNode o, String type, long jobId) {
        return o.put("type", type).put("job", jobId);
    }

    private static JobOutcome outcome(JsonNode o) {
        return switch (o.get("outcome").asText()) {
            case "success" -> new JobOutcome.Success();
            case "canceled" -> new JobOutcome.Canceled();
            default -> new JobOutcome.Failed(FailureReason.fromYaml(o.get("reason").asText()).orElse(FailureReason.UNKNOWN_FAILURE),
                    o.has("exit_code") ? Optional.of(o.get("exit_code").asInt()) : Optional.empty());
        };
    }
}
