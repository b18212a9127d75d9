package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifact uploads by raw HTTP: archives with path tricks or past the size limit are refused and nothing is kept. */
class ArtifactUploadIT {

    @TempDir
    Path tmp;
    Coordinator server;
    long id;
    String token;

    @BeforeEach
    void takeAJob() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(5)).withAdminToken(Http.ADMIN_TOKEN)
                .withMaxArtifactBytes(4096));
        String runner = CoordinatorIT.runnerWithAPendingJob(server, tmp);
        var taken = Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + runner + "\"}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        var job = CoordinatorIT.json(taken.body());
        id = job.get("id").asLong();
        token = job.get("token").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anArchiveWithAnEntryOutsideItsDirectoryIsRefused() throws Exception {
        for (String entry : new String[] {"../evil", "a/../../evil", "/etc/evil", "C:/evil"}) {
            var r = upload("archive", "zip", zip(entry, "x"));
            assertThat(r.statusCode()).as(entry).isEqualTo(400);
            assertThat(r.body()).contains("leaves the extraction directory");
        }
        assertThat(download().statusCode()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void anArchivePastTheSizeLimitIsRefused() throws Exception {
        byte[] big = new byte[8192];
        new java.util.Random(1).nextBytes(big);
        var r = upload("archive", "zip", zip("big.bin", new String(big, StandardCharsets.ISO_8859_1)));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(download().statusCode()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void aGoodArchiveIsStoredAndDownloadedAndABadDotenvIsRefused() throws Exception {
        byte[] archive = zip("build/out.txt", "built");
        assertThat(upload("archive", "zip", archive).statusCode()).isEqualTo(201);
        var got = download();
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(archive);
        assertThat(upload("dotenv", "gzip", gzip("not a variable\n")).statusCode()).isEqualTo(400);
        assertThat(upload("dotenv", "gzip", gzip("A=1\n")).statusCode()).isEqualTo(201);
        assertThat(upload("archive", "zip", archive, "glcbt-other").statusCode()).as("another token").isEqualTo(403);
        assertThat(download("glcbt-other").statusCode()).as("not a job's token").isEqualTo(403);
        assertThat(download(token.substring(0, token.length() - 1) + "x").statusCode()).as("the job's id, a wrong secret").isEqualTo(403);
        assertThat(download("glcbt-" + (id + 1) + "_" + token.substring(token.indexOf('_') + 1)).statusCode())
                .as("the secret with another job's id").isEqualTo(403);
    }

    @Test
    void aFinishedJobsTokenNoLongerDownloads() throws Exception {
        assertThat(upload("archive", "zip", zip("build/out.txt", "built")).statusCode()).isEqualTo(201);
        var update = Http.send("PUT", server.url() + "/api/v4/jobs/" + id, "{\"token\":\"" + token + "\",\"state\":\"success\"}");
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);

        assertThat(download().statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> upload(String type, String format, byte[] file) throws Exception {
        return upload(type, format, file, token);
    }

    private HttpResponse<String> upload(String type, String format, byte[] file, String jobToken) throws Exception {
        String boundary = "sluice-boundary";
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"artifacts\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(server.url() + "/api/v4/jobs/" + id + "/artifacts?artifact_type=" + type
                        + "&artifact_format=" + format))
                .header("JOB-TOKEN", jobToken).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download() throws Exception {
        return download(token);
    }

    private HttpResponse<byte[]> download(String jobToken) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + "/api/v4/jobs/" + id + "/artifacts"))
                .header("JOB-TOKEN", jobToken).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] zip(String entry, String content) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(String content) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
