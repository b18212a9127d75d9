package dev.sluice.server;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends commit statuses to forges, one at a time and in the order the pipelines changed, off the scheduler's
 * thread: a slow or unreachable forge delays only the statuses, never a pipeline. A status the forge refuses is
 * reported on stderr and not retried; the next change sends the current state again.
 */
final class CommitStatusReporter implements AutoCloseable {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sluice-statuses").factory());

    void report(Mirrors.StatusTarget target, CommitStatusApi.CommitStatus status) {
        var request = CommitStatusApi.of(target).request(status);
        sender.execute(() -> {
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    System.err.println("sluice: " + target.forge().id() + " refused the status of " + status.sha() + ": HTTP "
                            + response.statusCode() + " " + response.body());
                }
            } catch (java.io.IOException e) {
                System.err.println("sluice: could not report the status of " + status.sha() + " to " + request.uri() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
