package dev.sluice.runner;

import dev.sluice.protocol.ArtifactUpload;
import dev.sluice.protocol.Headers;
import dev.sluice.protocol.JobPayload;
import dev.sluice.protocol.JobRequest;
import dev.sluice.protocol.ProtocolException;
import dev.sluice.protocol.ProtocolJson;
import dev.sluice.protocol.RegisterRunnerRequest;
import dev.sluice.protocol.RegisteredRunner;
import dev.sluice.protocol.RemoteJobState;
import dev.sluice.protocol.TraceRange;
import dev.sluice.protocol.UnregisterRunnerRequest;
import dev.sluice.protocol.UpdateJobRequest;
import dev.sluice.protocol.VerifyRunnerRequest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The GitLab runner API v4 as gitlab-runner calls it (runner-protocol.md): tokens in the body and in
 * {@code RUNNER-TOKEN}/{@code JOB-TOKEN} headers, JSON replies accepted only as {@code application/json}.
 * One instance per {@code [[runners]]} entry: it carries that runner's {@code last_update}.
 */
public final class CoordinatorClient {

    static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    /** Longer than a coordinator holds a long poll (GitLab's Workhorse: about 50 s). */
    static final Duration POLL_TIMEOUT = Duration.ofSeconds(90);

    private final HttpTransport transport;

    public CoordinatorClient(String url, String userAgent, RetryPolicy retry) {
        this.transport = new HttpTransport(HttpTransport.apiBase(url), userAgent, retry);
    }

    /** {@code POST /runners}: 201 with the runner's id and token; 403 means a bad registration token. */
    public RegisteredRunner register(RegisterRunnerRequest body) throws ApiException, InterruptedException {
        var response = send(json("runners", "POST", body).header(Headers.RUNNER_TOKEN, body.token()));
        if (response.statusCode() == 403) {
            throw new ApiException(403, "forbidden (check registration token)");
        }
        return decode(response, 201, RegisteredRunner.class);
    }

    /** {@code POST /runners/verify}: 200 with JSON {@code {id, token, token_expires_at}}; 403 for a bad or removed token. */
    public RegisteredRunner verify(VerifyRunnerRequest body) throws ApiException, InterruptedException {
        var response = send(json("runners/verify", "POST", body).header(Headers.RUNNER_TOKEN, body.token()));
        if (response.statusCode() == 403) {
            throw new ApiException(403, "forbidden (the runner token is invalid or the runner was removed)");
        }
        return decode(response, 200, RegisteredRunner.class);
    }

    /** {@code POST /runners/reset_authentication_token}: 201 with the new token and its expiry. */
    public RegisteredRunner resetToken(String token) throws ApiException, InterruptedException {
        var body = new dev.sluice.protocol.ResetTokenRequest(token);
        return decode(send(json("runners/reset_authentication_token", "POST", body).header(Headers.RUNNER_TOKEN, token)),
                201, RegisteredRunner.class);
    }

    /** {@code DELETE /runners}, or {@code DELETE /runners/managers} when {@code systemId} is set: 204. */
    public void unregister(UnregisterRunnerRequest body) throws ApiException, InterruptedException {
        String path = body.systemId() == null ? "runners" : "runners/managers";
        var response = send(json(path, "DELETE", body).header(Headers.RUNNER_TOKEN, body.token()));
        if (response.statusCode() != 204) {
            throw new ApiException(response.statusCode(), "unregister failed: " + status(response));
        }
    }

    /** {@code POST /jobs/request}; the request's {@code last_update} should come from {@link #lastUpdate()}. */
    Replies.JobResponse requestJob(JobRequest body) throws InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = transport.send(json("jobs/request", "POST", body, POLL_TIMEOUT)
                    .header(Headers.RUNNER_TOKEN, body.token()).build(), BodyHandlers.ofByteArray());
        } catch (ApiException e) {
            return new Replies.JobResponse.Failed(e.getMessage());
        }
        return switch (response.statusCode()) {
            case 201 -> assigned(response);
            case 204 -> new Replies.JobResponse.NoJob();
            case 403 -> new Replies.JobResponse.Forbidden();
            default -> new Replies.JobResponse.Failed("jobs/request: " + status(response));
        };
    }

    private static Replies.JobResponse assigned(HttpResponse<byte[]> response) {
        try {
            return new Replies.JobResponse.Assigned(decode(response, 201, JobPayload.class));
        } catch (ApiException e) {
            return new Replies.JobResponse.Failed(e.getMessage());
        }
    }

    /** The {@code X-GitLab-Last-Update} last seen on this runner's JSON replies. */
    Optional<String> lastUpdate() {
        return transport.lastUpdate();
    }

    /** {@code PUT /jobs/:id}. */
    Replies.Update updateJob(long jobId, UpdateJobRequest body) throws ApiException, InterruptedException {
        var response = send(json("jobs/" + jobId, "PUT", body).header(Headers.JOB_TOKEN, body.token()));
        return new Replies.Update(response.statusCode(), remoteState(response), interval(response));
    }

    /** {@code PATCH /jobs/:id/trace} with {@code Content-Range: start-end}; never an empty body. */
    Replies.Patch patchTrace(long jobId, String jobToken, long start, byte[] bytes, boolean debug)
            throws ApiException, InterruptedException {
        var request = transport.request("jobs/" + jobId + "/trace?debug_trace=" + debug, CALL_TIMEOUT)
                .method("PATCH", BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "text/plain")
                .header(Headers.CONTENT_RANGE, TraceRange.contentRange(start, bytes.length))
                .header(Headers.JOB_TOKEN, jobToken);
        var response = send(request);
        Optional<Long> size = response.headers().firstValue(Headers.RANGE).flatMap(CoordinatorClient::size);
        return new Replies.Patch(response.statusCode(), remoteState(response), size, interval(response));
    }

    /** {@code POST /jobs/:id/artifacts}: multipart {@code file}; follows one {@code 307} to its {@code Location}. */
    int uploadArtifact(long jobId, String jobToken, ArtifactUpload query, String fileName, Path file)
            throws ApiException, InterruptedException {
        String q = query.query();
        URI uri = transport.resolve("jobs/" + jobId + "/artifacts" + (q.isEmpty() ? "" : "?" + q));
        var response = send(Multipart.post(transport.request(uri, CALL_TIMEOUT), fileName, file).header(Headers.JOB_TOKEN, jobToken));
        if (response.statusCode() == 307) {
            String location = response.headers().firstValue("Location").filter(l -> !l.isEmpty())
                    .orElseThrow(() -> new ApiException(307, "artifact upload redirected without a Location"));
            response = send(Multipart.post(transport.request(uri.resolve(location), CALL_TIMEOUT), fileName, file)
                    .header(Headers.JOB_TOKEN, jobToken));
        }
        return response.statusCode();
    }

    /** {@code GET /jobs/:id/artifacts} with the dependency's token, following redirects, into {@code target}. */
    void downloadArtifact(long jobId, String token, Path target) throws ApiException, InterruptedException {
        URI uri = transport.resolve("jobs/" + jobId + "/artifacts");
        for (int hops = 0; hops < 5; hops++) {
            var response = transport.send(transport.request(uri, CALL_TIMEOUT).GET().header(Headers.JOB_TOKEN, token).build(),
                    BodyHandlers.ofFile(target));
            int s = response.statusCode();
            if (s == 200) {
                return;
            }
            Optional<String> location = response.headers().firstValue("Location");
            if ((s == 302 || s == 307) && location.isPresent()) {
                uri = uri.resolve(location.get());
                continue;
            }
            throw new ApiException(s, "could not retrieve the needed artifacts of job " + jobId + ": HTTP " + s);
        }
        throw new ApiException(0, "too many redirects downloading the artifacts of job " + jobId);
    }

    private HttpRequest.Builder json(String path, String method, Object body) {
        return json(path, method, body, CALL_TIMEOUT);
    }

    private HttpRequest.Builder json(String path, String method, Object body, Duration timeout) {
        return transport.request(path, timeout).method(method, BodyPublishers.ofByteArray(ProtocolJson.encode(body)))
                .header("Content-Type", HttpTransport.JSON).header("Accept", HttpTransport.JSON);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws ApiException, InterruptedException {
        return transport.send(request.build(), BodyHandlers.ofByteArray());
    }

    /** gitlab-runner refuses a success body that is not {@code application/json} ("server should return application/json"). */
    private static <T> T decode(HttpResponse<byte[]> response, int expected, Class<T> type) throws ApiException {
        if (response.statusCode() != expected) {
            throw new ApiException(response.statusCode(), response.request().uri().getPath() + ": " + status(response));
        }
        boolean json = response.headers().firstValue("Content-Type").map(t -> t.startsWith(HttpTransport.JSON)).orElse(false);
        if (!json) {
            throw new ApiException(response.statusCode(), "server should return application/json");
        }
        try {
            return ProtocolJson.decode(response.body(), type);
        } catch (ProtocolException e) {
            throw new ApiException(response.statusCode(), e.getMessage());
        }
    }

    private static RemoteJobState remoteState(HttpResponse<?> response) {
        return RemoteJobState.of(response.statusCode(), response.headers().firstValue(Headers.JOB_STATUS));
    }

    /** {@code X-GitLab-Trace-Update-Interval}, capped at 15 minutes as gitlab-runner caps it. */
    private static Optional<Duration> interval(HttpResponse<?> response) {
        return response.headers().firstValue(Headers.TRACE_UPDATE_INTERVAL).flatMap(v -> {
            try {
                long s = Long.parseLong(v.strip());
                return s <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(s, 15 * 60)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Long> size(String range) {
        try {
            return Optional.of(TraceRange.parseSize(range));
        } catch (ProtocolException e) {
            return Optional.empty();
        }
    }

    private static String status(HttpResponse<byte[]> response) {
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
        return "HTTP " + response.statusCode() + (body.isEmpty() ? "" : " " + (body.length() > 200 ? body.substring(0, 200) : body));
    }
}
