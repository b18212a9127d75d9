package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What operators and their tools probe, without authentication: {@code /-/health} (the process serves),
 * {@code /-/ready} (the database answers; the server serves only once migrated) and {@code /metrics} for Prometheus,
 * answered to loopback clients only (like GitLab's monitoring allow-list, whose default is localhost).
 */
final class OpsApi {

    private final Jdbi jdbi;
    private final ServerMetrics metrics;

    OpsApi(Jdbi jdbi, ServerMetrics metrics) {
        this.jdbi = jdbi;
        this.metrics = metrics;
    }

    void routes(Javalin app) {
        app.get("/-/health", ctx -> ctx.contentType("text/plain; charset=utf-8").result("Sluice OK"));
        app.get("/-/ready", this::ready);
        app.get("/metrics", this::metrics);
    }

    private void ready(Context ctx) {
        try {
            jdbi.useHandle(h -> h.createQuery("select 1").setQueryTimeout(5).mapTo(Integer.class).one());
            RunnerApi.json(ctx, 200, Map.of("status", "ok"));
        } catch (RuntimeException e) {
            RunnerApi.json(ctx, 503, Map.of("status", "failed", "reason", "database: " + Database.reason(e)));
        }
    }

    private void metrics(Context ctx) throws java.net.UnknownHostException {
        if (!InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress()) {
            throw new RunnerApi.Refused(403, "403 Forbidden - metrics are served to loopback clients only");
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
