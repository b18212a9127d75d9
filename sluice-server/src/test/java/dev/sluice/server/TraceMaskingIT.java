package dev.sluice.server;

import static dev.sluice.server.Rest.call;
import static dev.sluice.server.Rest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner that does not mask: the stored log still never holds a masked value, wherever the chunks split it. */
class TraceMaskingIT {

    private static final String SECRET = "Sup3r-s3cret-value";

    @TempDir
    Path tmp;
    Coordinator server;

    private void start(Duration runnerTimeout) {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ZERO).withAdminToken(Http.ADMIN_TOKEN)
                .withRunnerTimeout(runnerTimeout));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMaskedValueSplitAtEveryPositionAcrossPatchesNeverReachesTheStoredLog() throws Exception {
        start(Duration.ofHours(1));
        var job = runningJobWithASecret();
        long id = job.get("id").asLong();
        String token = job.get("token").asText();
        String trace = server.url() + "/api/v4/jobs/" + id + "/trace";

        String line = "key " + SECRET + "\n";
        StringBuilder expected = new StringBuilder();
        long offset = 0;
        for (int cut = 0; cut <= line.length(); cut++) {
            for (String chunk : new String[] {line.substring(0, cut), line.substring(cut)}) {
                if (chunk.isEmpty()) {
                    continue;
                }
                var r = Http.send("PATCH", trace, chunk, "JOB-TOKEN", token,
                        "Content-Range", offset + "-" + (offset + chunk.length() - 1));
                assertThat(r.statusCode()).as("cut %d", cut).isEqualTo(202);
                offset += chunk.length();
                assertThat(r.headers().firstValue("Range")).as("offsets in the runner's bytes").contains("0-" + offset);
                assertThat(Files.readString(server.traceFile(id))).doesNotContain(SECRET);
            }
            expected.append("key [MASKED]xxxxxxxxxx\n");
        }
        var wrong = Http.send("PATCH", trace, "x", "JOB-TOKEN", token, "Content-Range", "0-0");
        assertThat(wrong.statusCode()).isEqualTo(416);
        assertThat(wrong.headers().firstValue("Range")).contains("0-" + offset);

        var tail = Http.send("PATCH", trace, "end Sup3r", "JOB-TOKEN", token, "Content-Range", offset + "-" + (offset + 8));
        assertThat(tail.statusCode()).isEqualTo(202);
        expected.append("end Sup3r");
        var done = Http.send("PUT", server.url() + "/api/v4/jobs/" + id, "{\"token\":\"" + token + "\",\"state\":\"success\"}");
        assertThat(done.statusCode()).isEqualTo(200);
        String stored = Files.readString(server.traceFile(id));
        assertThat(stored).as("a held possible start of the secret is released when the job ends").isEqualTo(expected.toString());
        assertThat(stored).hasSize((int) offset + 9);
    }

    @Test
    void whatMaskingHeldBackIsStoredWhenTheJobIsDroppedForASilentRunner() throws Exception {
        start(Duration.ofMillis(800));
        var job = runningJobWithASecret();
        long id = job.get("id").asLong();
        var r = Http.send("PATCH", server.url() + "/api/v4/jobs/" + id + "/trace", "tail Sup3r-s3cret",
                "JOB-TOKEN", job.get("token").asText(), "Content-Range", "0-16");
        assertThat(r.headers().firstValue("Range")).contains("0-17");
        assertThat(Files.readString(server.traceFile(id))).as("a possible start of the secret is held").isEqualTo("tail ");
        Http.await("the watchdog to end the log", () -> {
            try {
                return Files.readString(server.traceFile(id)).equals("tail Sup3r-s3cret");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A pending job whose project has the masked variable SECRET, taken by a runner that does not mask. */
    private JsonNode runningJobWithASecret() throws Exception {
        long p = Rest.project(server, tmp, "app", "job:\n  script: [echo]\n");
        ok(201, call(server, "POST", "/projects/" + p + "/variables",
                "{\"key\":\"SECRET\",\"value\":\"" + SECRET + "\",\"masked\":true}"));
        Rest.pipeline(server, p, "main");
        var job = Rest.take(server, Rest.runner(server, "").get("token").asText());
        assertThat(job).as("the job is handed out").isNotNull();
        return job;
    }
}
