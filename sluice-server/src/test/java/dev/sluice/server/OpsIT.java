package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runner.RunnerAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole coordinator on H2 and on PostgreSQL, over real HTTP: health, readiness, metrics as jobs flow. */
class OpsIT {

    @TempDir
    Path tmp;
    Coordinator server;
    RunnerAgent agent;
    DatabaseConfig database;

    @AfterEach
    void stop() throws InterruptedException {
        if (agent != null) {
            agent.shutdown();
        }
        if (server != null) {
            server.close();
        }
        if (database != null) {
            TestDatabase.drop(database);
        }
    }

    private Coordinator start(DatabaseConfig db) {
        database = db;
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(20)).withAdminToken(Http.ADMIN_TOKEN)
                .withDatabase(db));
        return server;
    }

    /** The samples of a Prometheus text exposition, by series ({@code name{labels}}). */
    private Map<String, Double> metrics() throws Exception {
        var response = Http.send("GET", server.url() + "/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        var samples = new HashMap<String, Double>();
        for (String line : response.body().lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    private double metric(String series) throws Exception {
        var samples = metrics();
        assertThat(samples).as("series " + series).containsKey(series);
        return samples.get(series);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void healthReadinessAndMetricsFollowAJobFromPendingToDone(TestDatabase db) throws Exception {
        start(db.create(tmp));
        var health = Http.send("GET", server.url() + "/-/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("Sluice OK");
        var ready = Http.send("GET", server.url() + "/-/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(CoordinatorIT.json(ready.body()).get("status").asText()).isEqualTo("ok");
        assertThat(metric("sluice_jobs_pending")).isZero();
        assertThat(metric("sluice_jobs_pickup_latency_seconds_count")).isZero();

        String runner = CoordinatorIT.runnerWithAPendingJob(server, tmp);
        Http.await("the job to be pending", () -> pending() == 1);
        assertThat(metric("sluice_jobs_running")).isZero();
        assertThat(metric("sluice_runners_online")).as("registered, not yet called").isZero();

        var job = CoordinatorIT.json(Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + runner + "\"}").body());
        var m = metrics();
        assertThat(m.get("sluice_jobs_pending")).isZero();
        assertThat(m.get("sluice_jobs_running")).isEqualTo(1);
        assertThat(m.get("sluice_runners_online")).isEqualTo(1);
        assertThat(m.get("sluice_jobs_pickup_latency_seconds_count")).isEqualTo(1);
        assertThat(m.get("sluice_jobs_pickup_latency_seconds_sum")).isPositive();
        assertThat(m.get("sluice_jobs_pickup_latency_seconds_bucket{le=\"+Inf\"}")).isEqualTo(1);

        long id = job.get("id").asLong();
        var done = Http.send("PUT", server.url() + "/api/v4/jobs/" + id,
                "{\"token\":\"" + job.get("token").asText() + "\",\"state\":\"success\"}");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Http.send("GET", server.url() + "/no/such/page/" + id, null).statusCode()).isEqualTo(404);

        m = metrics();
        assertThat(m.get("sluice_jobs_running")).isZero();
        assertThat(m.get("sluice_http_requests_total{method=\"PUT\",route=\"/api/v4/jobs/{id}\",status=\"200\"}")).isEqualTo(1);
        assertThat(m.get("sluice_http_requests_total{method=\"POST\",route=\"/api/v4/jobs/request\",status=\"201\"}")).isEqualTo(1);
        assertThat(m.get("sluice_http_requests_total{method=\"GET\",route=\"/-/ready\",status=\"200\"}")).isEqualTo(1);
        assertThat(m.get("sluice_http_requests_total{method=\"GET\",route=\"" + ServerMetrics.UNMATCHED + "\",status=\"404\"}"))
                .isEqualTo(1);
        assertThat(m.keySet()).as("routes are templates, never raw paths").noneMatch(series -> series.contains("/" + id));
    }

    private double pending() {
        try {
            return metric("sluice_jobs_pending");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPipelineRunsToSuccessOnARealRunner(TestDatabase db) throws Exception {
        start(db.create(tmp));
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        CoordinatorIT.git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), """
                build:
                  script: [mkdir -p out, echo made > out/file]
                  artifacts: {paths: [out/]}
                test:
                  needs: [build]
                  script: [cat out/file]
                """);
        CoordinatorIT.git(repo, "add", ".");
        CoordinatorIT.git(repo, "commit", "-q", "-m", "init");
        var reg = CoordinatorIT.json(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}").body());
        agent = Rest.shellRunner(server, reg, 2, tmp.resolve("runner"));
        long project = CoordinatorIT.json(Http.api("POST", server.url() + "/api/v4/projects",
                "{\"name\":\"p\",\"import_url\":\"" + repo + "\"}").body()).get("id").asLong();
        long pipeline = CoordinatorIT.json(Http.api("POST", server.url() + "/api/v4/projects/" + project + "/pipeline?ref=main", null)
                .body()).get("id").asLong();

        String url = server.url() + "/api/v4/projects/" + project + "/pipelines/" + pipeline;
        Http.await("the pipeline to finish", () -> !status(url).matches("created|pending|running"));
        assertThat(status(url)).isEqualTo("success");
        assertThat(Files.readString(server.traceFile(2))).contains("made");
        assertThat(metric("sluice_jobs_pickup_latency_seconds_count")).isEqualTo(2);
    }

    private static String status(String pipelineUrl) {
        try {
            return CoordinatorIT.json(Http.api("GET", pipelineUrl, null).body()).get("status").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readinessFailsWithAReasonWhileTheDatabaseRefusesConnections() throws Exception {
        var db = TestDatabase.POSTGRESQL.create(tmp);
        start(db);
        String name = db.url().replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*", "$1");
        try (var admin = DriverManager.getConnection(TestDatabase.adminUrl()); var s = admin.createStatement()) {
            s.execute("alter database " + name + " allow_connections false");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
            // the first probe may meet a pooled connection that was just terminated: 503 too, with that reason
            var refused = Http.send("GET", server.url() + "/-/ready", null);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(CoordinatorIT.json(refused.body()).get("status").asText()).isEqualTo("failed");
            Http.await("the pool to ask for a new connection", () -> readyReason().contains("not currently accepting connections"));
            assertThat(readyReason()).startsWith("database: ");
            assertThat(Http.send("GET", server.url() + "/-/health", null).statusCode()).as("the process still serves").isEqualTo(200);

            s.execute("alter database " + name + " allow_connections true");
            // a probe may still meet a pooled connection from before (the pool checks only those idle for a while)
            Http.await("ready again", () -> {
                try {
                    return Http.send("GET", server.url() + "/-/ready", null).statusCode() == 200;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    private String readyReason() {
        try {
            var ready = Http.send("GET", server.url() + "/-/ready", null);
            assertThat(ready.statusCode()).isEqualTo(503);
            return CoordinatorIT.json(ready.body()).get("reason").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void metricsAreForLoopbackClientsOnlyWhileTheProbesAreForAnyone() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("0.0.0.0", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(1)).withAdminToken(Http.ADMIN_TOKEN));
        var address = java.net.NetworkInterface.networkInterfaces().filter(OpsIT::up)
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).findFirst()
                .orElseThrow(() -> new AssertionError("this test needs a network interface with a non-loopback IPv4 address"));
        String outside = "http://" + address.getHostAddress() + ":" + server.port();

        var refused = Http.send("GET", outside + "/metrics", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("loopback");
        assertThat(Http.send("GET", outside + "/-/health", null).statusCode()).isEqualTo(200);
        assertThat(Http.send("GET", outside + "/-/ready", null).statusCode()).isEqualTo(200);
        assertThat(Http.send("GET", "http://127.0.0.1:" + server.port() + "/metrics", null).statusCode()).isEqualTo(200);
    }

    private static boolean up(java.net.NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    @Test
    void anUnreachableDatabaseOrWrongPasswordIsOneClearSentence() {
        var settings = new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(1)).withAdminToken(Http.ADMIN_TOKEN);
        assertThatThrownBy(() -> Coordinator.start(settings.withDatabase(
                new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/sluice", "sluice", "secret"))))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageStartingWith("cannot open the database jdbc:postgresql://127.0.0.1:1/sluice: ")
                .hasMessageContaining("Connection")
                .hasMessageNotContaining("\n");

        String base = TestDatabase.adminUrl().replaceFirst("\\?.*", "");
        assertThatThrownBy(() -> Coordinator.start(settings.withDatabase(
                new DatabaseConfig(base, TestDatabase.adminParameter("user"), "wrong-password"))))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageStartingWith("cannot open the database " + base + ": ")
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("wrong-password");
    }
}
