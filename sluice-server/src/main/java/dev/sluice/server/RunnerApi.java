package dev.sluice.server;

import static dev.sluice.server.Authentication.Access.RUNNER;

import dev.sluice.engine.JobOutcome;
import dev.sluice.model.FailureReason;
import dev.sluice.protocol.GitInfo;
import dev.sluice.protocol.Headers;
import dev.sluice.protocol.JobContext;
import dev.sluice.protocol.JobInfo;
import dev.sluice.protocol.JobPayload;
import dev.sluice.protocol.JobPayloads;
import dev.sluice.protocol.JobRequest;
import dev.sluice.protocol.ProtocolException;
import dev.sluice.protocol.ProtocolJson;
import dev.sluice.protocol.RegisterRunnerRequest;
import dev.sluice.protocol.RegisteredRunner;
import dev.sluice.protocol.TraceRange;
import dev.sluice.protocol.UnregisterRunnerRequest;
import dev.sluice.protocol.UpdateJobRequest;
import dev.sluice.protocol.VerifyRunnerRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The runner API v4 as runner-protocol.md records it: registration, jobs/request, job updates, traces. */
final class RunnerApi {

    /** A request the API refuses: the status and a message for the body. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final Runners runners;
    private final Jobs jobs;
    private final Traces traces;
    private final JobArtifacts artifacts;
    private final JobQueue queue;
    private final PipelineRuns runs;
    private final RunnerWatchdog watchdog;
    private final RegistrationToken registrationToken;
    private final Duration longPoll;

    RunnerApi(Runners runners, Jobs jobs, Traces traces, JobArtifacts artifacts, JobQueue queue, PipelineRuns runs,
              RunnerWatchdog watchdog, RegistrationToken registrationToken,
              Duration longPoll) {
        this.runners = runners;
        this.jobs = jobs;
        this.traces = traces;
        this.artifacts = artifacts;
        this.queue = queue;
        this.runs = runs;
        this.watchdog = watchdog;
        this.registrationToken = registrationToken;
        this.longPoll = longPoll;
    }

    /** Runner and job tokens authenticate these routes (role RUNNER), never a person's token. */
    void routes(Javalin app) {
        app.post("/api/v4/runners", this::register, RUNNER);
        app.post("/api/v4/runners/verify", this::verify, RUNNER);
        app.delete("/api/v4/runners", this::unregister, RUNNER);
        app.delete("/api/v4/runners/managers", this::unregisterManager, RUNNER);
        app.post("/api/v4/jobs/request", this::request, RUNNER);
        app.put("/api/v4/jobs/{id}", this::update, RUNNER);
        app.patch("/api/v4/jobs/{id}/trace", this::trace, RUNNER);
        app.post("/api/v4/jobs/{id}/artifacts", this::uploadArtifacts, RUNNER);
        app.get("/api/v4/jobs/{id}/artifacts", this::downloadArtifacts, RUNNER);
    }

    private void register(Context ctx) {
        var body = body(ctx, RegisterRunnerRequest.class);
        if (!registrationToken.accepts(token(body.token(), ctx.header(Headers.RUNNER_TOKEN)))) {
            throw new Refused(403, "403 Forbidden - invalid registration token");
        }
        String accessLevel = Optional.ofNullable(body.accessLevel()).orElse("not_protected");
        if (!accessLevel.equals("not_protected") && !accessLevel.equals("ref_protected")) {
            throw new Refused(400, "400 Bad Request - access_level does not have a valid value (not_protected or ref_protected)");
        }
        String token = Tokens.generate("glrt-");
        var runner = runners.create(Tokens.hash(token), new Runners.Runner(0, Optional.ofNullable(body.description()).orElse(""),
                body.tags(), body.runUntagged() == null ? body.tags().isEmpty() : body.runUntagged(),
                Boolean.TRUE.equals(body.locked()), accessLevel, Boolean.TRUE.equals(body.paused()), java.util.Set.of()));
        json(ctx, 201, new RegisteredRunner(runner.id(), token, null));
    }

    private void verify(Context ctx) {
        var body = body(ctx, VerifyRunnerRequest.class);
        String token = token(body.token(), ctx.header(Headers.RUNNER_TOKEN));
        var runner = runner(token);
        if (body.systemId() != null) {
            runners.touchManager(runner.id(), body.systemId());
        }
        json(ctx, 200, new RegisteredRunner(runner.id(), token, null));
    }

    private void unregister(Context ctx) {
        var body = body(ctx, UnregisterRunnerRequest.class);
        runners.delete(runner(token(body.token(), ctx.header(Headers.RUNNER_TOKEN))).id());
        ctx.status(204);
    }

    private void unregisterManager(Context ctx) {
        var body = body(ctx, UnregisterRunnerRequest.class);
        var runner = runner(token(body.token(), ctx.header(Headers.RUNNER_TOKEN)));
        if (body.systemId() == null || !runners.deleteManager(runner.id(), body.systemId())) {
            throw new Refused(404, "404 Runner Manager Not Found");
        }
        ctx.status(204);
    }

    private void request(Context ctx) throws InterruptedException {
        var body = body(ctx, JobRequest.class);
        var runner = runner(token(body.token(), ctx.header(Headers.RUNNER_TOKEN)));
        if (body.systemId() != null) {
            runners.touchManager(runner.id(), body.systemId());
        }
        if (runner.paused()) {
            noJob(ctx);
            return;
        }
        // Workhorse holds the request only when the runner says what it last saw.
        Duration hold = body.lastUpdate() == null ? Duration.ZERO : longPoll;
        while (true) {
            var taken = queue.take(runner, hold);
            if (taken.isEmpty()) {
                noJob(ctx);
                return;
            }
            long jobId = taken.get().jobId();
            var handout = runs.handout(jobId);
            String token = Tokens.forJob(jobId);
            if (handout.isEmpty() || !runs.start(jobId, runner.id(), Tokens.hash(token))) {
                continue; // canceled meanwhile: take the next one
            }
            watchdog.seen(jobId);
            ctx.header(Headers.LAST_UPDATE, queue.version());
            json(ctx, 201, payload(jobId, token, handout.get()));
            return;
        }
    }

    private void noJob(Context ctx) {
        ctx.header(Headers.LAST_UPDATE, queue.version());
        ctx.status(204);
    }

    private JobPayload payload(long jobId, String token, PipelineRuns.Handout h) {
        var spec = h.spec();
        var files = new java.util.HashMap<Long, dev.sluice.protocol.Dependency.ArtifactsFile>();
        for (var d : spec.dependencies()) {
            artifacts.archive(d.jobId()).ifPresent(a -> files.put(d.jobId(),
                    new dev.sluice.protocol.Dependency.ArtifactsFile("artifacts.zip", a.toFile().length())));
        }
        // a merge-request pipeline's ref is already a full one: refs/merge-requests/<iid>/head
        String ref = h.pipeline().ref().startsWith("refs/") ? h.pipeline().ref() : "refs/heads/" + h.pipeline().ref();
        var git = new GitInfo("file://" + h.project().repoDir(), "sha1", h.pipeline().ref(), h.pipeline().sha(),
                h.trigger().beforeSha(), "branch", List.of("+" + ref + ":refs/remotes/origin/" + h.pipeline().ref()), 0, false,
                Map.of());
        var info = new JobInfo(spec.name(), spec.stage(), h.project().id(), h.project().name(), h.project().path(),
                h.pipeline().id(), Map.of());
        return JobPayloads.toPayload(spec, new JobContext(token, true, info, git, List.of(), token, files, null));
    }

    private void update(Context ctx) {
        long id = jobId(ctx);
        var body = body(ctx, UpdateJobRequest.class);
        String status = activeJob(ctx, id, body.token());
        var state = body.jobState().orElseThrow(() -> new Refused(400, "400 Bad Request - state is invalid"));
        watchdog.seen(id);
        ctx.header(Headers.JOB_STATUS, status);
        ctx.header(Headers.TRACE_UPDATE_INTERVAL, "3");
        if (state.isFinal()) {
            var outcome = outcome(status, state == dev.sluice.protocol.JobState.SUCCESS, body);
            watchdog.forget(id);
            traces.finish(id);
            runs.finish(id, outcome, body.failureReason(), body.exitCode());
        }
        ctx.status(200).contentType("text/plain").result("200");
    }

    /** @param status the job row's status while the runner held it: running or canceling */
    private static JobOutcome outcome(String status, boolean success, UpdateJobRequest body) {
        if (status.equals("canceling")) {
            return new JobOutcome.Canceled();
        }
        if (success) {
            return new JobOutcome.Success();
        }
        return new JobOutcome.Failed(FailureReason.fromYaml(body.failureReason() == null ? "script_failure" : body.failureReason())
                .orElse(FailureReason.UNKNOWN_FAILURE),
                Optional.ofNullable(body.exitCode()));
    }

    private void trace(Context ctx) {
        long id = jobId(ctx);
        String status = activeJob(ctx, id, null);
        long start;
        try {
            start = TraceRange.parseStart(ctx.header(Headers.CONTENT_RANGE));
        } catch (ProtocolException e) {
            throw new Refused(400, "400 Bad Request - " + e.getMessage());
        }
        byte[] bytes = ctx.bodyAsBytes();
        watchdog.seen(id);
        long size = traces.append(id, start, bytes);
        ctx.header(Headers.JOB_STATUS, status);
        ctx.header(Headers.RANGE, TraceRange.range(size));
        if (start + bytes.length != size || bytes.length == 0 && start != size) {
            ctx.status(416);
            return;
        }
        ctx.header(Headers.TRACE_UPDATE_INTERVAL, "3");
        ctx.status(202);
    }

    private void uploadArtifacts(Context ctx) throws java.io.IOException {
        long id = jobId(ctx);
        activeJob(ctx, id, null);
        var file = ctx.uploadedFile("file");
        if (file == null) {
            throw new Refused(400, "400 Bad Request - file is missing");
        }
        String type = Optional.ofNullable(ctx.queryParam("artifact_type")).filter(t -> !t.isEmpty()).orElse("archive");
        String format = Optional.ofNullable(ctx.queryParam("artifact_format")).filter(f -> !f.isEmpty()).orElse("zip");
        try (var in = file.content()) {
            artifacts.store(id, type, format, in);
        } catch (JobArtifacts.Rejected e) {
            throw new Refused(e.status, e.getMessage());
        }
        json(ctx, 201, Map.of());
    }

    /**
     * The dependency's archive for a job of the same pipeline that is running: the payload hands each
     * dependant its own token for this (GitLab's {@code ci_expose_running_job_token_for_artifacts}).
     */
    private void downloadArtifacts(Context ctx) {
        var dependency = jobs.find(jobId(ctx)).orElseThrow(() -> new Refused(404, "404 Not Found"));
        String token = ctx.header(Headers.JOB_TOKEN);
        var reader = Tokens.jobOf(token).stream().mapToObj(jobs::find).flatMap(Optional::stream)
                .filter(r -> r.active() && Tokens.hash(token).equals(r.tokenHash())).findFirst();
        if (reader.isEmpty() || reader.get().pipelineId() != dependency.pipelineId()) {
            throw new Refused(403, "403 Forbidden");
        }
        var archive = artifacts.archive(dependency.id()).orElseThrow(() -> new Refused(404, "404 Not Found"));
        try {
            ctx.status(200).contentType("application/zip").header("Content-Disposition", "attachment; filename=artifacts.zip")
                    .result(java.nio.file.Files.newInputStream(archive));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * GitLab's authenticate_job!: 403 with the job's status unless the token is this running job's; the job's
     * status (running or canceling) otherwise. A job a runner took from this node is checked in memory.
     */
    private String activeJob(Context ctx, long id, String bodyToken) {
        String token = token(bodyToken, ctx.header(Headers.JOB_TOKEN));
        var held = runs.held(id);
        if (held.isPresent()) {
            if (token == null || !held.get().tokenHash().equals(Tokens.hash(token))) {
                ctx.header(Headers.JOB_STATUS, held.get().status());
                throw new Refused(403, "403 Forbidden");
            }
            return held.get().status();
        }
        var job = jobs.find(id).orElseThrow(() -> new Refused(404, "404 Not Found"));
        if (token == null || job.tokenHash() == null || !job.tokenHash().equals(Tokens.hash(token)) || !job.active()) {
            ctx.header(Headers.JOB_STATUS, job.status());
            throw new Refused(403, "403 Forbidden");
        }
        return job.status();
    }

    private Runners.Runner runner(String token) {
        if (token == null) {
            throw new Refused(403, "403 Forbidden - missing runner token");
        }
        return runners.byTokenHash(Tokens.hash(token)).orElseThrow(() -> new Refused(403, "403 Forbidden - invalid runner token"));
    }

    private static long jobId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new Refused(404, "404 Not Found");
        }
    }

    private static String token(String fromBody, String fromHeader) {
        return fromBody != null && !fromBody.isEmpty() ? fromBody : fromHeader;
    }

    static <T> T body(Context ctx, Class<T> type) {
        try {
            return ProtocolJson.decode(ctx.bodyAsBytes(), type);
        } catch (ProtocolException e) {
            throw new Refused(400, "400 Bad Request - malformed JSON: " + e.getMessage());
        }
    }

    static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(ProtocolJson.encode(value));
    }
}
