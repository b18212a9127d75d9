package dev.sluice.runner;

import dev.sluice.protocol.Headers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

/**
 * Sends requests to one coordinator as gitlab-runner does: every request with an {@code X-Request-Id} and a
 * {@code User-Agent}, retried on the statuses {@link RetryPolicy} names. It remembers the last non-empty
 * {@code X-GitLab-Last-Update} of any reply. Blocking calls; interrupting the caller cancels the exchange.
 */
final class HttpTransport {

    static final String JSON = "application/json";

    private final URI apiBase;
    private final HttpClient http;
    private final String userAgent;
    private final RetryPolicy retry;
    private volatile String lastUpdate;

    HttpTransport(URI apiBase, String userAgent, RetryPolicy retry) {
        this.apiBase = apiBase;
        this.userAgent = userAgent;
        this.retry = retry;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** {@code url} without a trailing {@code /} and {@code /ci}, plus {@code /api/v4/}, as gitlab-runner builds it. */
    static URI apiBase(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (u.endsWith("/ci")) {
            u = u.substring(0, u.length() - 3);
        }
        return URI.create(u + "/api/v4/");
    }

    URI resolve(String path) {
        return apiBase.resolve(path);
    }

    Optional<String> lastUpdate() {
        return Optional.ofNullable(lastUpdate);
    }

    HttpRequest.Builder request(String path, Duration timeout) {
        return request(resolve(path), timeout);
    }

    HttpRequest.Builder request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", userAgent)
                .header(Headers.REQUEST_ID, UUID.randomUUID().toString().replace("-", ""));
    }

    /** Sends, retrying retryable statuses; the last response is returned whatever its status. */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws ApiException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<T> response = once(request, body);
            if (!RetryPolicy.retryable(response.statusCode()) || attempt > retry.retries()) {
                remember(response);
                return response;
            }
            Thread.sleep(retry.backoff(attempt, response.headers().firstValue(Headers.RETRY_AFTER)));
        }
    }

    private <T> HttpResponse<T> once(HttpRequest request, HttpResponse.BodyHandler<T> body) throws ApiException, InterruptedException {
        var future = http.sendAsync(request, body);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ApiException(request.method() + " " + request.uri() + ": " + describe(cause), cause);
        }
    }

    /** gitlab-runner reads the header after every JSON call ({@code doJSON}), a {@code 204} included. */
    private void remember(HttpResponse<?> response) {
        response.headers().firstValue(Headers.LAST_UPDATE).filter(v -> !v.isEmpty()).ifPresent(v -> lastUpdate = v);
    }

    private static String describe(Throwable t) {
        if (t instanceof IOException && t.getMessage() == null) {
            return t.getClass().getSimpleName();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
