package dev.sluice.runner;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/** A {@code multipart/form-data} body with one file part, streamed from disk. */
final class Multipart {

    private Multipart() {
    }

    static HttpRequest.Builder post(HttpRequest.Builder request, String fileName, Path file) throws ApiException {
        String boundary = "sluice" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + dev.sluice.protocol.ArtifactUpload.FILE_PART
                + "\"; filename=\"" + fileName.replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        try {
            var body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
            return request.POST(body).header("Content-Type", "multipart/form-data; boundary=" + boundary);
        } catch (FileNotFoundException e) {
            throw new ApiException("artifact file disappeared: " + file, e);
        }
    }
}
