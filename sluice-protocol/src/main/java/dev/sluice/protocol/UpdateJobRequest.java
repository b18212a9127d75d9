package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * {@code PUT /api/v4/jobs/:id}: the ack ({@code running} right after the job arrives), the keep-alive, and
 * the final state. {@code checksum} duplicates {@code output.checksum} for old servers.
 *
 * @param state         {@code pending}, {@code running}, {@code success} or {@code failed} ({@link JobState})
 * @param failureReason only with {@code failed}
 * @param exitCode      {@code null} when 0 or unknown, as gitlab-runner omits it
 */
public record UpdateJobRequest(String token, String state, String failureReason, Integer exitCode, String checksum,
                               Output output, VersionInfo info, @JsonAnySetter Map<String, JsonNode> extra) {

    /** The whole log as the runner produced it, after masking: CRC32 ({@code crc32:%08x}) and length. */
    public record Output(String checksum, Long bytesize) {
    }

    public UpdateJobRequest {
        extra = Extra.copy(extra);
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }

    public static UpdateJobRequest of(String token, JobState state, String failureReason, Integer exitCode,
                                      TraceChecksum trace, VersionInfo info) {
        String sum = trace.checksum();
        return new UpdateJobRequest(token, state.wire(), failureReason, exitCode == null || exitCode == 0 ? null : exitCode,
                sum, new Output(sum, trace.bytesize()), info, Map.of());
    }

    public java.util.Optional<JobState> jobState() {
        return JobState.fromWire(state);
    }
}
