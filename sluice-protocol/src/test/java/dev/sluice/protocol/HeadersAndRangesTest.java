package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadersAndRangesTest {

    @Test
    void contentRangeIsStartDashInclusiveEndWithoutUnitOrTotal() throws Exception {
        assertThat(TraceRange.contentRange(0, 10)).isEqualTo("0-9");
        assertThat(TraceRange.contentRange(10, 1)).isEqualTo("10-10");
        assertThat(TraceRange.parseStart("10-19")).isEqualTo(10);
        assertThat(TraceRange.parseSize("0-42")).isEqualTo(42);
        assertThat(TraceRange.range(42)).isEqualTo("0-42");
        assertThatThrownBy(() -> TraceRange.contentRange(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceRange.parseStart("bytes 0-9/10")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Content-Range");
        assertThatThrownBy(() -> TraceRange.parseSize(null)).hasMessageContaining("missing Range");
    }

    @Test
    void jobStatusHeaderAndStatusCodeDecideCancelAndAbort() {
        assertThat(RemoteJobState.of(202, Optional.of("running"))).isEqualTo(RemoteJobState.RUNNING);
        assertThat(RemoteJobState.of(200, Optional.empty())).isEqualTo(RemoteJobState.RUNNING);
        assertThat(RemoteJobState.of(202, Optional.of("canceling"))).isEqualTo(RemoteJobState.CANCEL);
        assertThat(RemoteJobState.of(200, Optional.of("canceled"))).isEqualTo(RemoteJobState.ABORT);
        assertThat(RemoteJobState.of(202, Optional.of("failed"))).isEqualTo(RemoteJobState.ABORT);
        assertThat(RemoteJobState.of(403, Optional.empty())).isEqualTo(RemoteJobState.ABORT);
        assertThat(RemoteJobState.of(404, Optional.empty())).isEqualTo(RemoteJobState.ABORT);
    }

    @Test
    void failureReasonsAreMappedDownUnlessTheServerListsThem() {
        assertThat(FailureReasons.forServer("script_failure", List.of())).isEqualTo("script_failure");
        assertThat(FailureReasons.forServer("", List.of())).isEqualTo("script_failure");
        assertThat(FailureReasons.forServer("image_pull_failure", List.of())).isEqualTo("runner_system_failure");
        assertThat(FailureReasons.forServer("image_pull_failure", List.of("image_pull_failure"))).isEqualTo("image_pull_failure");
        assertThat(FailureReasons.forServer("runner_configuration_error", null)).isEqualTo("script_failure");
        assertThat(FailureReasons.forServer("job_canceled", List.of())).isEqualTo("unknown_failure");
    }

    @Test
    void artifactQueryCarriesOnlyNonEmptyValues() {
        assertThat(new ArtifactUpload("zip", "archive", "1 week").query())
                .isEqualTo("artifact_format=zip&artifact_type=archive&expire_in=1%20week");
        assertThat(new ArtifactUpload("gzip", "junit", "").query()).isEqualTo("artifact_format=gzip&artifact_type=junit");
        assertThat(new ArtifactUpload(null, null, null).query()).isEmpty();
    }

    @Test
    void checksumIsIeeeCrc32InLowercaseHex() {
        var sum = new TraceChecksum();
        sum.update("hello\n".getBytes(), 0, 3);
        sum.update("hello\n".getBytes(), 3, 3);
        assertThat(sum.checksum()).isEqualTo("crc32:363a3020");
        assertThat(sum.bytesize()).isEqualTo(6);
    }
}
