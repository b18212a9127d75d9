package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job taken by raw HTTP calls: trace offsets (202/416 with Range), job tokens valid only while the job runs. */
class JobTokenAndTraceIT {

    @TempDir
    Path tmp;
    Coordinator server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void traceOffsetsAndJobTokens() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(5)).withAdminToken(Http.ADMIN_TOKEN));
        String runner = CoordinatorIT.runnerWithAPendingJob(server, tmp);

        var taken = Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + runner + "\"}");
        assertThat(taken.statusCode()).isEqualTo(201);
        var job = CoordinatorIT.json(taken.body());
        long id = job.get("id").asLong();
        String token = job.get("token").asText();
        assertThat(token).startsWith("glcbt-");
        assertThat(Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + runner + "\"}").statusCode())
                .as("never handed out twice").isEqualTo(204);
        String trace = server.url() + "/api/v4/jobs/" + id + "/trace";

        var wrongOffset = Http.send("PATCH", trace, "abc", "JOB-TOKEN", token, "Content-Range", "5-7");
        assertThat(wrongOffset.statusCode()).isEqualTo(416);
        assertThat(wrongOffset.headers().firstValue("Range")).contains("0-0");
        var ok = Http.send("PATCH", trace, "abc", "JOB-TOKEN", token, "Content-Range", "0-2");
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(ok.headers().firstValue("Range")).contains("0-3");
        assertThat(ok.headers().firstValue("Job-Status")).contains("running");
        assertThat(Http.send("PATCH", trace, "x", "JOB-TOKEN", "glcbt-other", "Content-Range", "3-3").statusCode()).isEqualTo(403);
        assertThat(Http.send("PATCH", trace, "x", "JOB-TOKEN", token).statusCode()).as("no Content-Range").isEqualTo(400);
        String mib = "l".repeat(1024 * 1024 - 1) + "\n"; // a full chunk as runners send it
        var big = Http.send("PATCH", trace, mib, "JOB-TOKEN", token, "Content-Range", "3-" + (3 + mib.length() - 1));
        assertThat(big.statusCode()).as("a runner's 1 MiB trace chunk is taken").isEqualTo(202);
        String oversized = "x".repeat((int) Coordinator.MAX_REQUEST_BYTES + 1);
        var tooBig = Http.send("PATCH", trace, oversized, "JOB-TOKEN", token, "Content-Range",
                (3 + mib.length()) + "-" + (3 + mib.length() + oversized.length() - 1));
        assertThat(tooBig.statusCode()).as("an oversized chunk is refused, nothing stored").isEqualTo(413);

        var done = Http.send("PUT", server.url() + "/api/v4/jobs/" + id, "{\"token\":\"" + token + "\",\"state\":\"success\"}");
        assertThat(done.statusCode()).isEqualTo(200);
        var after = Http.send("PATCH", trace, "x", "JOB-TOKEN", token, "Content-Range", (3 + mib.length()) + "-" + (3 + mib.length()));
        assertThat(after.statusCode()).as("the token dies with the job").isEqualTo(403);
        assertThat(after.headers().firstValue("Job-Status")).contains("success");
        assertThat(Files.readString(server.traceFile(id))).isEqualTo("abc" + mib);
    }
}
