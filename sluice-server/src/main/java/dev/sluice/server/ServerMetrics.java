package dev.sluice.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The coordinator's Prometheus metrics (Micrometer): jobs pending and running, how long a pending job waits for a
 * runner, runners online, and HTTP requests by method, route template and status. Routes are templates
 * ({@code /api/v4/jobs/{id}}), never raw paths, so one series per endpoint, not one per job.
 */
final class ServerMetrics {

    /** The route of a request no endpoint matched (404s): one series for all of them. */
    static final String UNMATCHED = "unmatched";

    /** Histogram buckets from "at once" (a runner in a long poll) to "an hour" (no runner for the job's tags). */
    private static final Duration[] BUCKETS = java.util.stream.Stream.of("PT0.01S", "PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S",
            "PT1S", "PT2.5S", "PT5S", "PT10S", "PT30S", "PT1M", "PT5M", "PT15M", "PT1H").map(Duration::parse).toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer pickup = Timer.builder("sluice.jobs.pickup.latency")
            .description("Time from a job becoming pending to a runner receiving it")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);

    /** Registers the gauges, read at each scrape (held strongly: Micrometer's default weak reference loses lambdas). */
    void observe(JobQueue queue, LongSupplier runningJobs, ContactedRunners runners) {
        Gauge.builder("sluice.jobs.pending", queue, JobQueue::size).description("Jobs waiting for a runner")
                .strongReference(true).register(registry);
        Gauge.builder("sluice.jobs.running", runningJobs, LongSupplier::getAsLong).description("Jobs a runner runs")
                .strongReference(true).register(registry);
        Gauge.builder("sluice.runners.online", runners, ContactedRunners::online)
                .description("Runners that called in the last " + ContactedRunners.ONLINE.toHours() + " hours")
                .strongReference(true).register(registry);
    }

    /** For {@link JobQueue}: a runner took a job that had waited this long. */
    void pickedUp(Duration waited) {
        pickup.record(waited);
    }

    /** For Javalin's request logger: counts every request once it is answered. */
    void request(Context ctx, Float millis) {
        // Javalin leaves the handler type at BEFORE when no endpoint matched (and then refuses to name a path)
        String route = ctx.handlerType() == HandlerType.BEFORE ? UNMATCHED : ctx.endpointHandlerPath();
        Counter.builder("sluice.http.requests").description("HTTP requests answered")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry).increment();
    }

    /** The Prometheus text exposition format. */
    String scrape() {
        return registry.scrape();
    }
}
