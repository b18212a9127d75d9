package dev.sluice.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The coordinator process: the composition root wiring store, scheduler and HTTP. */
public final class Coordinator implements AutoCloseable {

    /** @param port 0 for any free port; {@code longPoll} how long jobs/request is held (GitLab: 50 s) */
    /**
     * @param maxArtifactBytes the largest artifact upload accepted (413 beyond)
     * @param runnerTimeout how long a running job's runner may stay silent before the job fails
     * @param adminToken root's token when the store has no user yet (SLUICE_ADMIN_TOKEN); null: one is generated
     */
    public record Settings(String host, int port, Path dataDir, String registrationToken, Duration longPoll,
                           long maxArtifactBytes, Duration runnerTimeout, String adminToken) {

        /** GitLab's default maximum artifacts size: 100 MB. */
        public static final long DEFAULT_MAX_ARTIFACT_BYTES = 100L * 1024 * 1024;

        public Settings(String host, int port, Path dataDir, String registrationToken, Duration longPoll) {
            this(host, port, dataDir, registrationToken, longPoll, DEFAULT_MAX_ARTIFACT_BYTES, RunnerWatchdog.GITLAB_TIMEOUT);
        }

        public Settings(String host, int port, Path dataDir, String registrationToken, Duration longPoll,
                        long maxArtifactBytes, Duration runnerTimeout) {
            this(host, port, dataDir, registrationToken, longPoll, maxArtifactBytes, runnerTimeout, null);
        }

        public Settings withMaxArtifactBytes(long bytes) {
            return new Settings(host, port, dataDir, registrationToken, longPoll, bytes, runnerTimeout, adminToken);
        }

        public Settings withRunnerTimeout(Duration timeout) {
            return new Settings(host, port, dataDir, registrationToken, longPoll, maxArtifactBytes, timeout, adminToken);
        }

        public Settings withAdminToken(String token) {
            return new Settings(host, port, dataDir, registrationToken, longPoll, maxArtifactBytes, runnerTimeout, token);
        }
    }

    private final Javalin app;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sluice-timers").factory());
    private final Settings settings;
    private final Optional<String> generatedAdminToken;
    /**
     * Held for the coordinator's lifetime: H2 closes an embedded database when its last connection closes, and
     * reopening it while concurrent requests connect fails now and then (a 500 on a runner's job request).
     */
    private final org.jdbi.v3.core.Handle keepOpen;

    private Coordinator(Settings settings) {
        this.settings = settings;
        var jdbi = Database.open(Database.h2Url(settings.dataDir()), "sa", "");
        keepOpen = jdbi.open();
        var pipelines = new JdbiPipelines(jdbi);
        var jobs = new JdbiJobs(jdbi);
        var queue = new JobQueue();
        var artifacts = new FileArtifacts(settings.dataDir().resolve("artifacts"), settings.maxArtifactBytes());
        var runs = new PipelineRuns(pipelines, jobs, artifacts, queue, timers, this::url, Clock.systemUTC());
        var watchdog = new RunnerWatchdog(jobs, runs, settings.runnerTimeout(), Clock.systemUTC());
        long every = watchdog.checkInterval().toMillis();
        timers.scheduleWithFixedDelay(watchdog::check, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        var runners = new JdbiRunners(jdbi);
        var traces = new FileTraces(settings.dataDir().resolve("traces"));
        var runnerApi = new RunnerApi(runners, jobs, traces, artifacts, queue,
                runs, watchdog, settings.registrationToken(), settings.longPoll());
        var users = new JdbiUsers(jdbi);
        var tokens = new JdbiAccessTokens(jdbi);
        generatedAdminToken = FirstStart.ensureAdmin(users, tokens, Optional.ofNullable(settings.adminToken()).filter(t -> !t.isBlank()));
        var projects = new JdbiProjects(jdbi);
        var projectApi = new ProjectApi(projects, users, pipelines, runs, settings.dataDir().resolve("repositories"));
        app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
        });
        new Authentication(users, tokens, Clock.systemUTC()).install(app);
        runnerApi.routes(app);
        projectApi.routes(app);
        new JobApi(projects, pipelines, jobs, runs, traces, artifacts).routes(app);
        new UserApi(users, tokens, Clock.systemUTC()).routes(app);
        new RunnerSettingsApi(runners, jobs, pipelines).routes(app);
        app.exception(RunnerApi.Refused.class, (e, ctx) -> RunnerApi.json(ctx, e.status, java.util.Map.of("message", e.getMessage())));
        app.exception(GitRepos.GitException.class, (e, ctx) -> RunnerApi.json(ctx, 400, java.util.Map.of("message", e.getMessage())));
    }

    /** Opens the store (migrating it) and starts serving. */
    public static Coordinator start(Settings settings) {
        var c = new Coordinator(settings);
        c.app.start(settings.host(), settings.port());
        return c;
    }

    /** Root's token when this start created root with a generated one: shown once, stored only as a hash. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://" + settings.host() + ":" + port();
    }

    /** The traces directory: one {@code <job id>.log} per job. */
    public Path traceFile(long jobId) {
        return settings.dataDir().resolve("traces").resolve(jobId + ".log");
    }

    @Override
    public void close() {
        app.stop();
        timers.shutdownNow();
        keepOpen.close();
    }
}
