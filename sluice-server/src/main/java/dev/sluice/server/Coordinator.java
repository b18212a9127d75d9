package dev.sluice.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The coordinator process: the composition root wiring store, scheduler and HTTP. */
public final class Coordinator implements AutoCloseable {

    /** @param port 0 for any free port; {@code longPoll} how long jobs/request is held (GitLab: 50 s) */
    /**
     * @param maxArtifactBytes the largest artifact upload accepted (413 beyond)
     * @param runnerTimeout how long a running job's runner may stay silent before the job fails
     * @param adminToken root's token when the store has no user yet (SLUICE_ADMIN_TOKEN); null: one is generated
     * @param registrationToken the configured runner registration token, which replaces the stored one; null: the
     *     stored one (one is generated on the first start)
     */
    public record Settings(String host, int port, Path dataDir, String registrationToken, Duration longPoll,
                           long maxArtifactBytes, Duration runnerTimeout, DatabaseConfig database, String adminToken) {

        /** GitLab's default maximum artifacts size: 100 MB. */
        public static final long DEFAULT_MAX_ARTIFACT_BYTES = 100L * 1024 * 1024;

        /** The store in H2 in the data directory. */
        public Settings(String host, int port, Path dataDir, String registrationToken, Duration longPoll) {
            this(host, port, dataDir, registrationToken, longPoll, DEFAULT_MAX_ARTIFACT_BYTES, RunnerWatchdog.GITLAB_TIMEOUT);
        }

        /** The store in H2 in the data directory. */
        public Settings(String host, int port, Path dataDir, String registrationToken, Duration longPoll,
                        long maxArtifactBytes, Duration runnerTimeout) {
            this(host, port, dataDir, registrationToken, longPoll, maxArtifactBytes, runnerTimeout, DatabaseConfig.h2(dataDir), null);
        }

        public Settings withMaxArtifactBytes(long bytes) {
            return new Settings(host, port, dataDir, registrationToken, longPoll, bytes, runnerTimeout, database, adminToken);
        }

        public Settings withRunnerTimeout(Duration timeout) {
            return new Settings(host, port, dataDir, registrationToken, longPoll, maxArtifactBytes, timeout, database, adminToken);
        }

        /** The data directory still holds repositories, traces and artifacts. */
        public Settings withDatabase(DatabaseConfig db) {
            return new Settings(host, port, dataDir, registrationToken, longPoll, maxArtifactBytes, runnerTimeout, db, adminToken);
        }

        public Settings withAdminToken(String token) {
            return new Settings(host, port, dataDir, registrationToken, longPoll, maxArtifactBytes, runnerTimeout, database, token);
        }
    }

    /** The largest request body read into memory (traces, JSON): 16 MiB. */
    static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    private final Javalin app;
    private final ScheduledThreadPoolExecutor timers = stoppableTimers();
    private final Settings settings;
    private final CommitStatusReporter statuses = new CommitStatusReporter();
    private final Database database;
    private final Optional<FirstStart.Generated> generatedRoot;
    private final PipelineRuns runs;
    private final ProjectImports imports;
    private final Users users;
    private final Projects projects;
    private final RunnerWatchdog watchdog;
    private final PushPipelines pushes;
    private final RegistrationToken registrationToken;

    private Coordinator(Settings settings) {
        this.settings = settings;
        database = Database.open(settings.database());
        var jdbi = database.jdbi;
        var projects = new JdbiProjects(jdbi);
        var mirrors = new JdbiMirrors(jdbi);
        var pipelines = new StatusReportingPipelines(new JdbiPipelines(jdbi), mirrors, statuses, this::url);
        var jobs = new JdbiJobs(jdbi);
        var metrics = new ServerMetrics();
        var queue = new JobQueue(metrics::pickedUp);
        var runners = new ContactedRunners(new JdbiRunners(jdbi), Clock.systemUTC());
        metrics.observe(queue, () -> jobs.count("running"), runners);
        var artifacts = new FileArtifacts(settings.dataDir().resolve("artifacts"), settings.maxArtifactBytes());
        var variables = new JdbiProjectVariables(jdbi);
        var protectedRefs = new JdbiProtectedRefs(jdbi);
        runs = new PipelineRuns(projects, pipelines, new JdbiPipelineJournal(jdbi), jobs, artifacts, queue, timers, this::url,
                Clock.systemUTC(), new OuterVariables(variables, protectedRefs), new Transactions(jdbi));
        var traces = new MaskingTraces(new FileTraces(settings.dataDir().resolve("traces")),
                id -> runs.handout(id).map(PipelineRuns.Handout::maskedValues).orElse(List.of()));
        watchdog = new RunnerWatchdog(jobs, runs, traces, settings.runnerTimeout(), Clock.systemUTC());
        long every = watchdog.checkInterval().toMillis();
        timers.scheduleWithFixedDelay(watchdog::check, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        registrationToken = RegistrationToken.open(new JdbiInstanceSettings(jdbi), settings.registrationToken(),
                settings.dataDir().resolve("registration-token"), Clock.systemUTC());
        var runnerApi = new RunnerApi(runners, jobs, traces, artifacts, queue,
                runs, watchdog, registrationToken, settings.longPoll());
        var users = new JdbiUsers(jdbi);
        var tokens = new JdbiAccessTokens(jdbi);
        generatedRoot = FirstStart.ensureAdmin(users, tokens, Optional.ofNullable(settings.adminToken()).filter(t -> !t.isBlank()));
        imports = new ProjectImports(projects, users, protectedRefs, settings.dataDir().resolve("repositories"));
        this.users = users;
        this.projects = projects;
        var authentication = new Authentication(users, tokens, Clock.systemUTC());
        var permissions = new Permissions(users, protectedRefs);
        var mergeRequests = new JdbiMergeRequests(jdbi);
        var mergeSettings = new JdbiMergeSettings(jdbi);
        var mrPipelines = new MergeRequestPipelines(runs, mergeRequests, mergeSettings);
        pushes = new PushPipelines(runs, mrPipelines); // one instance: merge requests follow every push, by git or webhook
        var gitHttp = new GitHttp(authentication, projects, permissions, pushes, mirrors);
        var access = new ProjectAccess(projects, permissions);
        var projectApi = new ProjectApi(projects, users, imports, mirrors, pipelines, runs, access);
        app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            // Javalin's default (1,000,000 bytes) is less than one trace chunk of a runner (1 MiB in gitlab-runner and
            // Sluice's): such a chunk was refused and the log lost. Artifacts stream as multipart and are not bound by this.
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.requestLogger.http(metrics::request);
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                    new org.eclipse.jetty.servlet.FilterHolder(gitHttp), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
        });
        authentication.install(app);
        new OpsApi(jdbi, metrics).routes(app);
        runnerApi.routes(app);
        projectApi.routes(app);
        new JobApi(access, pipelines, jobs, runs, traces, artifacts).routes(app);
        new UserApi(users, tokens, Clock.systemUTC()).routes(app);
        new RunnerSettingsApi(runners, jobs, pipelines, registrationToken).routes(app);
        var gate = new MergeGate(pipelines, mergeRequests, mergeSettings);
        new WebhookApi(projects, mirrors, new JdbiWebhookDeliveries(jdbi), pushes, mrPipelines).routes(app);
        new MergeRequestApi(projects, users, permissions, mergeRequests, mergeSettings, mrPipelines, gate,
                new Merger(mergeRequests, mergeSettings, pushes, Clock.systemUTC()), pipelines, Clock.systemUTC()).routes(app);
        new MergeSettingsApi(projects, mergeSettings, permissions).routes(app);
        new ProjectVariableApi(access, variables).routes(app);
        new ProtectedRefApi(access, protectedRefs).routes(app);
        new ProjectRunnerApi(access, runners).routes(app);
        new ProjectMemberApi(access, users, users, permissions).routes(app);
        app.exception(ProjectVariableApi.Invalid.class, (e, ctx) -> RunnerApi.json(ctx, 400, java.util.Map.of("message", e.problems)));
        WebControl.serve(app, jdbi, runs, this::traceFile, artifacts, runners, jobs, registrationToken, users, permissions,
                tokens, variables, protectedRefs, mergeSettings, WebMergeRequests.of(projects, users, permissions, mergeRequests, mergeSettings,
                pipelines, gate, pushes, mrPipelines));
        app.exception(RunnerApi.Refused.class, (e, ctx) -> RunnerApi.json(ctx, e.status, java.util.Map.of("message", e.getMessage())));
        app.exception(GitRepos.GitException.class, (e, ctx) -> RunnerApi.json(ctx, 400, java.util.Map.of("message", e.getMessage())));
    }

    /**
     * Opens the store (migrating it), starts serving and resumes the pipelines a previous run left
     * unfinished (after the server listens: re-planning needs its URL). Jobs a runner held then are
     * watched again, so a runner that went away with the old server fails them after the runner timeout.
     */
    public static Coordinator start(Settings settings) {
        var c = new Coordinator(settings);
        try {
            c.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            c.close(); // releases the database (an embedded H2 stays locked while open)
            throw e;
        }
        c.runs.recover().forEach(c.watchdog::seen);
        return c;
    }

    /** Root's token when this start created root with a generated one: shown once, stored only as a hash. */
    public Optional<String> generatedAdminToken() {
        return generatedRoot.map(FirstStart.Generated::token);
    }

    /** Root's web UI password, when this start created root (else empty): shown once. */
    public Optional<String> generatedRootPassword() {
        return generatedRoot.map(FirstStart.Generated::password);
    }

    /** The token runners register with now (an administrator may reset it while the server runs). */
    public String registrationToken() {
        return registrationToken.current();
    }

    /** Said at start when the configured registration token replaced the one stored (a reset's); empty otherwise. */
    public Optional<String> registrationTokenNotice() {
        return registrationToken.notice();
    }

    /** Where a push into a project's repository turns into pipelines (git's receive hook calls it). */
    PushPipelines pushes() {
        return pushes;
    }

    /** The store, for {@link SyntheticPipelines}. */
    org.jdbi.v3.core.Jdbi jdbi() {
        return database.jdbi;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://" + settings.host() + ":" + port();
    }

    /**
     * {@code sluice server --demo}: imports the repository as project {@code path} owned by root (or takes the
     * project of that path an earlier demo made, fetching the repository's default branch into it) and starts a
     * pipeline on its default branch.
     *
     * @return the pipeline's id
     * @throws IllegalStateException with git's message when the repository cannot be read
     */
    public long startDemo(String path, Path repository) {
        try {
            var project = projects.byPath(path);
            if (project.isPresent()) {
                GitRepos.fetchBranch(Path.of(project.get().repoDir()), repository.toString(), project.get().defaultBranch());
            } else {
                long root = users.byUsername("root").orElseThrow().id();
                project = Optional.of(imports.importProject(path.substring(path.lastIndexOf('/') + 1), path, repository.toString(), root));
            }
            var p = project.get();
            return runs.create(p, p.defaultBranch(), GitRepos.resolve(Path.of(p.repoDir()), p.defaultBranch())).id();
        } catch (GitRepos.GitException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The traces directory: one {@code <job id>.log} per job. */
    public Path traceFile(long jobId) {
        return settings.dataDir().resolve("traces").resolve(jobId + ".log");
    }

    /**
     * The scheduler's timers and the watchdog. At shutdown the waiting ones are dropped (the journal re-arms them at
     * the next start) but one already running may finish: interrupted, it would stop halfway through its
     * transaction, and the database must not close under it.
     */
    private static ScheduledThreadPoolExecutor stoppableTimers() {
        var timers = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("sluice-timers").factory());
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timers.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return timers;
    }

    @Override
    public void close() {
        app.stop();
        timers.shutdown();
        try {
            if (!timers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                timers.shutdownNow();
            }
        } catch (InterruptedException e) {
            timers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        statuses.close();
        database.close();
    }
}
