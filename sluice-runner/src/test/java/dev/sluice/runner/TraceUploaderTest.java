package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Headers;
import dev.sluice.protocol.RemoteJobState;
import dev.sluice.protocol.TraceChecksum;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trace PATCH exchanges of runner-protocol.md §4: offsets, Content-Range, 416 recovery, Job-Status. */
class TraceUploaderTest {

    static final Timing FAST = new Timing(Duration.ofMillis(20), Duration.ofSeconds(30), 3, Duration.ofMillis(50));

    final FakeCoordinator server = FakeCoordinator.unchecked();
    final CoordinatorClient client = new CoordinatorClient(server.url(), "test", RegistrationTest.FAST);
    final List<RemoteJobState> seen = new CopyOnWriteArrayList<>();
    final TraceUploader uploader = new TraceUploader(client, new JobIdentity(7, "glcbt-seven", false, null), FAST, seen::add);

    @AfterEach
    void stop() {
        server.close();
    }

    void write(String s) {
        uploader.write(s.getBytes(StandardCharsets.UTF_8), 0, s.length());
    }

    @Test
    void patchesGoUpInOrderWithContentRangeAndTheJobToken() throws Exception {
        server.running(7);
        uploader.start();
        write("hello ");
        Await.until("first patch", () -> server.trace(7).equals("hello "));
        write("world\n");
        assertThat(uploader.finish()).isTrue();

        assertThat(server.trace(7)).isEqualTo("hello world\n");
        var patches = server.calls("PATCH", "/api/v4/jobs/7/trace");
        assertThat(patches).extracting(c -> c.header(Headers.CONTENT_RANGE)).containsExactly("0-5", "6-11");
        assertThat(patches).allSatisfy(c -> {
            assertThat(c.query()).isEqualTo("debug_trace=false");
            assertThat(c.header("JOB-TOKEN")).isEqualTo("glcbt-seven");
            assertThat(c.header("Content-Type")).isEqualTo("text/plain");
        });
        assertThat(uploader.checksum().checksum()).isEqualTo(TraceChecksum.of("hello world\n".getBytes()).checksum());
        assertThat(seen).isEmpty();
    }

    @Test
    void a416MovesTheOffsetToTheServersRangeAndResendsFromThere() throws Exception {
        server.running(7);
        server.traces.get(7L).writeBytes("abc".getBytes()); // the server already holds 3 bytes (an earlier patch it kept)
        write("abcdef");
        assertThat(uploader.finish()).isTrue();

        var patches = server.calls("PATCH", "/api/v4/jobs/7/trace");
        assertThat(patches).extracting(c -> c.header(Headers.CONTENT_RANGE)).containsExactly("0-5", "3-5");
        assertThat(patches).extracting(FakeCoordinator.Call::text).containsExactly("abcdef", "def");
        assertThat(server.trace(7)).isEqualTo("abcdef");
    }

    @Test
    void canceling416AndForbiddenRepliesReachTheJob() throws Exception {
        server.running(7);
        server.status.put(7L, "canceling");
        write("one");
        assertThat(uploader.finish()).isTrue();
        assertThat(seen).containsExactly(RemoteJobState.CANCEL);

        server.status.put(7L, "canceled");
        write("two");
        assertThat(uploader.finish()).as("a 403 stops the patching").isFalse();
        assertThat(seen).containsExactly(RemoteJobState.CANCEL, RemoteJobState.ABORT);
        int patches = server.calls("PATCH", "/").size();
        write("three");
        uploader.finish();
        assertThat(server.calls("PATCH", "/")).as("no patch after an abort").hasSize(patches);
    }

    @Test
    void aPatchIsNeverEmptyAndNeverOverOneMebibyte() throws Exception {
        server.running(7);
        byte[] big = new byte[TraceUploader.MAX_PATCH + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        uploader.write(big, 0, big.length);
        assertThat(uploader.finish()).isTrue();
        assertThat(server.calls("PATCH", "/")).extracting(c -> c.header(Headers.CONTENT_RANGE))
                .containsExactly("0-1048575", "1048576-1048585");
        assertThat(uploader.finish()).isTrue();
        assertThat(server.calls("PATCH", "/")).hasSize(2);
    }

    @Test
    void keepAliveIsAPutRunningWhenNothingWasSentForTheForceSendInterval() throws Exception {
        server.running(7);
        var quiet = new TraceUploader(client, new JobIdentity(7, "glcbt-seven", false, null),
                new Timing(Duration.ofMillis(10), Duration.ofMillis(30), 3, Duration.ofMillis(50)), seen::add);
        quiet.start();
        Await.until("a keep-alive", () -> !server.calls("PUT", "/api/v4/jobs/7").isEmpty());
        quiet.finish();
        var put = server.calls("PUT", "/api/v4/jobs/7").get(0).json(dev.sluice.protocol.UpdateJobRequest.class);
        assertThat(put.state()).isEqualTo("running");
        assertThat(put.output().bytesize()).isZero();
        assertThat(server.calls("PUT", "/api/v4/jobs/7").get(0).header("JOB-TOKEN")).isEqualTo("glcbt-seven");
    }
}
