package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.cli.run.Dispatcher;
import dev.sluice.cli.run.RunSummary;
import dev.sluice.engine.Job;
import dev.sluice.engine.Pipeline;
import dev.sluice.engine.plan.TriggerContext;
import java.io.IOException;

/**
 * {@code sluice run --report FILE}: the pipeline's status and, per job, name, stage, status,
 * allow_failure, exit code, failure reason and duration; a trigger job carries its child pipeline.
 */
final class RunReport {

    private RunReport() {
    }

    static void write(JsonGenerator json, Dispatcher top, TriggerContext context) throws IOException {
        json.writeStartObject();
        json.writeStringField("ref", context.ref());
        json.writeBooleanField("tag", context.tag());
        json.writeStringField("sha", context.sha());
        json.writeStringField("source", context.source());
        pipelineFields(json, top);
        json.writeEndObject();
    }

    private static void pipelineFields(JsonGenerator json, Dispatcher dispatcher) throws IOException {
        Pipeline pipeline = dispatcher.pipeline();
        json.writeNumberField("pipeline", pipeline.id());
        json.writeStringField("status", pipeline.status().yaml());
        json.writeStringField("result", RunSummary.status(pipeline));
        json.writeBooleanField("passed_with_warnings", pipeline.passedWithWarnings());
        json.writeArrayFieldStart("jobs");
        for (Job job : pipeline.latestJobs()) {
            json.writeStartObject();
            json.writeNumberField("id", job.id());
            json.writeStringField("name", job.name());
            json.writeStringField("stage", job.stage());
            json.writeStringField("status", job.status().yaml());
            json.writeBooleanField("allow_failure", job.allowedToFail() || job.allowFailure().allowed());
            json.writeFieldName("exit_code");
            var exitCode = dispatcher.exitCode(job.id()).or(job::exitCode);
            if (exitCode.isPresent()) {
                json.writeNumber(exitCode.get());
            } else {
                json.writeNull();
            }
            json.writeFieldName("failure_reason");
            if (job.failureReason().isPresent()) {
                json.writeString(job.failureReason().get().yaml());
            } else {
                json.writeNull();
            }
            json.writeNumberField("attempt", job.attempt());
            json.writeFieldName("duration_seconds");
            var duration = RunSummary.duration(job);
            if (duration.isPresent()) {
                json.writeNumber(duration.get().toMillis() / 1000.0);
            } else {
                json.writeNull();
            }
            for (Dispatcher.Child child : dispatcher.children()) {
                if (child.triggerJob().equals(job.name()) && child.dispatcher().pipeline() != null) {
                    json.writeObjectFieldStart("downstream");
                    pipelineFields(json, child.dispatcher());
                    json.writeEndObject();
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
