package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.Event;
import dev.sluice.engine.JobOutcome;
import dev.sluice.engine.TimerKind;
import dev.sluice.engine.plan.TriggerContext;
import dev.sluice.model.FailureReason;
import dev.sluice.model.PipelineStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a restart re-plans and replays from must come back exactly as it was stored. */
class PipelineJournalCodecTest {

    static final Instant AT = Instant.parse("2026-11-26T00:40:01.123456789Z");

    @Test
    void everyEventTypeSurvivesTheJournal() {
        List<Event> events = List.of(new Event.JobStarted(1, AT),
                new Event.JobFinished(2, new JobOutcome.Success(), AT),
                new Event.JobFinished(3, new JobOutcome.Failed(FailureReason.SCRIPT_FAILURE, Optional.of(7)), AT),
                new Event.JobFinished(4, new JobOutcome.Failed(FailureReason.RUNNER_SYSTEM_FAILURE, Optional.empty()), AT),
                new Event.JobFinished(5, new JobOutcome.Canceled(), AT), new Event.PlayManual(6, AT),
                new Event.Unschedule(7, AT), new Event.CancelPipeline(AT), new Event.CancelJob(8, AT),
                new Event.RetryJob(9, AT), new Event.TimerFired(10, TimerKind.JOB_TIMEOUT, AT),
                new Event.ResourceFreed("prod", AT), new Event.ChildPipelineCreated(11, AT),
                new Event.ChildPipelineFinished(12, PipelineStatus.FAILED, AT));
        for (Event event : events) {
            assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void aTriggerKeepsEveryField() {
        var mr = new TriggerContext.MergeRequest(40, 4, "Add x", "feature", "main", "abc", List.of("ci", "db"));
        var trigger = new TriggerContext("feature", false, "f".repeat(40), "e".repeat(40), "merge_request_event",
                Optional.of(List.of("a.txt", "src/b.py")), Map.of("DEPLOY", "no", "EMPTY", ""), true, Optional.of(mr));
        var record = new TriggerRecord(trigger, AT);
        assertThat(TriggerRecord.decode(record.encode())).isEqualTo(record);
        var api = new TriggerRecord(new TriggerContext("v1.0", true, "a".repeat(40), TriggerContext.NO_SHA, "api",
                Optional.empty(), Map.of(), false, Optional.empty()), AT);
        assertThat(TriggerRecord.decode(api.encode())).isEqualTo(api);
    }

    @Test
    void aDamagedRecordSaysWhatItIs() {
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"teleport\",\"at\":\"" + AT + "\"}"))
                .hasMessageContaining("unknown pipeline event type");
    }
}
