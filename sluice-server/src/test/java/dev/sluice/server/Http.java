package dev.sluice.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A plain HTTP client for tests, and awaiting a condition without sleeping as synchronisation. */
final class Http {

    /** Root's token in tests: start the coordinator with {@code settings.withAdminToken(Http.ADMIN_TOKEN)}. */
    static final String ADMIN_TOKEN = "glpat-test-admin-token-0123";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    static HttpResponse<String> send(String method, String url, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A REST API request as root (PRIVATE-TOKEN {@link #ADMIN_TOKEN}); the runner API takes {@link #send}. */
    static HttpResponse<String> api(String method, String url, String body, String... headers) throws Exception {
        var all = new String[headers.length + 2];
        all[0] = "PRIVATE-TOKEN";
        all[1] = ADMIN_TOKEN;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, url, body, all);
    }

    /** A GET or bodiless request as root. */
    static HttpResponse<String> api(String method, String url) throws Exception {
        return api(method, url, null);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.sleep(20); // polling interval of the await, not synchronisation
        }
    }
}
