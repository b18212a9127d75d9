package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.CompositeStatus.Member;
import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GitLab's composite rule, one row per rule of {@code Composite#status}; {@code !} marks allow_failure. */
class CompositeStatusTest {

    @ParameterizedTest(name = "stage mode: [{0}] -> {1}")
    @CsvSource(delimiter = ';', textBlock = """
            skipped                        ; skipped
            skipped, manual!               ; skipped
            manual!                        ; skipped
            success                        ; success
            success, skipped               ; success
            success, failed!               ; success
            success, canceled!             ; success
            success, manual!               ; success
            created                        ; created
            created, failed!               ; created
            preparing, manual!             ; preparing
            canceled                       ; canceled
            canceled, success, skipped     ; canceled
            pending                        ; pending
            pending, created, skipped      ; pending
            running                        ; running
            running, failed                ; running
            pending, failed                ; running
            running, manual                ; running
            waiting_for_resource           ; waiting_for_resource
            waiting_for_resource, success  ; waiting_for_resource
            manual                         ; manual
            manual, success                ; manual
            manual, failed                 ; manual
            manual, scheduled              ; manual
            scheduled                      ; scheduled
            scheduled, success             ; scheduled
            preparing, failed              ; preparing
            created, success               ; running
            created, failed                ; running
            failed                         ; failed
            failed, success                ; failed
            failed, canceled               ; failed
            failed, skipped                ; failed
            canceling, success             ; canceling
            """)
    void stageMode(String members, String expected) {
        assertThat(composite(members, false).status()).contains(PipelineStatus.fromYaml(expected).orElseThrow());
    }

    @ParameterizedTest(name = "DAG mode: [{0}] -> {1}")
    @CsvSource(delimiter = ';', textBlock = """
            success                 ; success
            success, failed!        ; success
            success, skipped        ; skipped
            success, manual!        ; skipped
            failed, skipped         ; skipped
            success, running        ; pending
            success, manual         ; pending
            success, created        ; pending
            success, scheduled      ; pending
            failed                  ; failed
            failed, success         ; failed
            canceled, success       ; canceled
            """)
    void dagMode(String members, String expected) {
        assertThat(composite(members, true).status()).contains(PipelineStatus.fromYaml(expected).orElseThrow());
    }

    @Test
    void noMembersHasNoStatus() {
        assertThat(CompositeStatus.of(List.of(), false).status()).isEmpty();
    }

    @Test
    void allowedFailuresAndCancelsAreWarningsButOptionalManualJobsAreNot() {
        assertThat(composite("success, failed!", false).warnings()).isTrue();
        assertThat(composite("success, canceled!", false).warnings()).isTrue();
        assertThat(composite("success, manual!", false).warnings()).isFalse();
        assertThat(composite("success, failed", false).warnings()).isFalse();
    }

    @Test
    void allowFailureOnASuccessfulJobChangesNothing() {
        assertThat(composite("success!", false).status()).contains(PipelineStatus.SUCCESS);
        assertThat(composite("success!", false).warnings()).isFalse();
    }

    private static CompositeStatus composite(String members, boolean dag) {
        List<Member> list = Arrays.stream(members.split(","))
                .map(String::trim)
                .map(m -> new Member(JobStatus.fromYaml(m.replace("!", "")).orElseThrow(), m.endsWith("!")))
                .toList();
        return CompositeStatus.of(list, dag);
    }
}
