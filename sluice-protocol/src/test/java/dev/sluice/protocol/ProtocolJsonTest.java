package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProtocolJsonTest {

    @ParameterizedTest
    @CsvSource({"job-response.json, dev.sluice.protocol.JobPayload", "job-request.json, dev.sluice.protocol.JobRequest",
            "register-request.json, dev.sluice.protocol.RegisterRunnerRequest",
            "update-request.json, dev.sluice.protocol.UpdateJobRequest"})
    void specSamplesSurviveDecodeAndEncodeKeyForKey(String sample, Class<?> type) throws Exception {
        String json = SpecSamples.read(sample);
        Object decoded = ProtocolJson.decode(json, type);
        assertThat(ProtocolJson.tree(ProtocolJson.encodeToString(decoded))).isEqualTo(ProtocolJson.tree(json));
    }

    @Test
    void jobPayloadFieldsDecodeToTheirMeaning() throws Exception {
        var job = ProtocolJson.decode(SpecSamples.read("job-response.json"), JobPayload.class);
        assertThat(job.id()).isEqualTo(1234);
        assertThat(job.token()).isEqualTo("glcbt-abc");
        assertThat(job.gitInfo().protectedRef()).isFalse();
        assertThat(job.gitInfo().refspecs()).hasSize(2);
        assertThat(job.variables().get(1).isPublic()).isFalse();
        assertThat(job.variables().get(1).masked()).isTrue();
        assertThat(job.step(Step.AFTER_SCRIPT).orElseThrow().allowFailure()).isTrue();
        assertThat(job.image().entrypoint()).containsExactly("");
        assertThat(job.image().extra()).containsKey("executor_opts");
        assertThat(job.services().get(0).aliases()).containsExactly("db", "pg");
        assertThat(job.dependencies().get(0).artifactsFile().size()).isEqualTo(12345);
        assertThat(job.features().failureReasons()).contains("image_pull_failure");
        assertThat(job.extra()).containsKeys("hooks", "secrets");
        assertThat(job.jobInfo().extra()).containsKeys("namespace_id", "scoped_user_id");
        assertThat(job.timeoutSeconds()).isEqualTo(3600);
    }

    @Test
    void requestsKeepWhatNewerRunnersAdd() throws Exception {
        var request = ProtocolJson.decode(SpecSamples.read("job-request.json"), JobRequest.class);
        assertThat(request.lastUpdate()).isEqualTo("c6c3bd0ee6fe2ebd8b5d18b5fa23cd5a");
        assertThat(request.info().features()).containsEntry("two_phase_job_commit", true).containsEntry("shared", false);
        assertThat(request.info().extra()).containsKey("labels");
        assertThat(request.extra()).containsKey("session");
        var register = ProtocolJson.decode(SpecSamples.read("register-request.json"), RegisterRunnerRequest.class);
        assertThat(register.tags()).containsExactly("docker", "linux");
        assertThat(register.extra()).containsKey("active");
    }

    @Test
    void absentFieldsAreNotSent() {
        var update = UpdateJobRequest.of("t", JobState.SUCCESS, null, 0, TraceChecksum.of("hello\n".getBytes()), null);
        assertThat(ProtocolJson.encodeToString(update)).isEqualTo(
                "{\"token\":\"t\",\"state\":\"success\",\"checksum\":\"crc32:363a3020\","
                        + "\"output\":{\"checksum\":\"crc32:363a3020\",\"bytesize\":6}}");
        assertThat(ProtocolJson.encodeToString(new JobRequest("glrt-x", "s_1", null, null, null)))
                .isEqualTo("{\"token\":\"glrt-x\",\"system_id\":\"s_1\"}");
    }

    @Test
    void malformedBodiesAreProtocolErrorsNotJobs() {
        assertThatThrownBy(() -> ProtocolJson.decode("{\"id\": ", JobPayload.class)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("malformed JobPayload JSON");
        assertThatThrownBy(() -> ProtocolJson.decode("null", JobPayload.class)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ProtocolJson.decode("<html>", RegisteredRunner.class)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void registeredRunnerReplyWithNullExpiry() throws Exception {
        var reply = ProtocolJson.decode("{\"id\": 12, \"token\": \"glrt-t\", \"token_expires_at\": null}", RegisteredRunner.class);
        assertThat(reply).isEqualTo(new RegisteredRunner(12L, "glrt-t", null));
    }
}
