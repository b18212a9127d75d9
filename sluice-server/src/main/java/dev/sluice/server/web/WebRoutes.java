package dev.sluice.server.web;

import dev.sluice.server.web.Views.JobView;
import dev.sluice.server.web.Views.PipelineView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jdbi.v3.core.Jdbi;

/**
 * The web UI's routes, under {@code /-/} so they never meet the API or git's URLs. Only signed-in people get past
 * {@link SignIn}'s filter; every page checks that its viewer may see its project (else 404, as GitLab hides what one
 * may not see), and every action is a POST through {@link #act}, which checks the CSRF token, then the permission.
 */
public final class WebRoutes {

    static final int PAGE_SIZE = 20;
    private static final int LIVE_CHUNK = 256 * 1024;
    private static final Duration LOG_POLL = Duration.ofMillis(250);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    /** A page or thing that does not exist: a 404 page, never a stack trace. */
    static final class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what);
        }
    }

    /** An action the viewer may not take: a 403 page (the button was not shown, so the request was forged or stale). */
    static final class Forbidden extends RuntimeException {
        Forbidden(String why) {
            super(why);
        }
    }

    private final WebReads reads;
    private final Control control;
    private final LiveUpdates live;
    private final Accounts accounts;
    private final SignIn signIn;
    private final ProjectSettings settings;
    private final MergeRequestControl mergeRequests;

    public WebRoutes(Jdbi jdbi, Control control, LiveUpdates live, Accounts accounts, Sessions sessions, ProjectSettings settings,
                     MergeRequestControl mergeRequests) {
        this.reads = new WebReads(jdbi);
        this.control = control;
        this.live = live;
        this.accounts = accounts;
        this.signIn = new SignIn(accounts, sessions);
        this.settings = settings;
        this.mergeRequests = mergeRequests;
    }

    public void register(Javalin app) {
        signIn.register(app);
        app.get("/", ctx -> ctx.redirect("/-/projects"));
        app.get("/-/assets/{name}", this::asset);
        app.get("/-/projects", ctx -> ctx.html(ProjectPages.projects(viewer(ctx), reads.projects().stream()
                .filter(p -> accounts.canView(viewer(ctx).person(), p.id())).toList())));
        app.get("/-/projects/{id}", this::project);
        app.get("/-/projects/{id}/pipelines", this::pipelines);
        app.get("/-/projects/{id}/merge_requests", this::mergeRequests);
        new MergeRequestForms(mergeRequests, control, this::codeReadable).register(app);
        app.get("/-/projects/{id}/merge_requests/{iid}", ctx -> {
            var p = codeReadable(ctx);
            ctx.html(MergeRequestPages.page(viewer(ctx), p, mergeRequests.find(p.id(), iid(ctx), viewer(ctx).person())
                    .orElseThrow(() -> new NotFound("no merge request !" + ctx.pathParam("iid"))), mergeRequests.mayWrite(p.id(), viewer(ctx).person())));
        });
        app.post("/-/projects/{id}/merge_requests/{iid}/{action}", ctx -> act(ctx, thenBack(this::mergeRequestAction)));
        app.get("/-/pipelines/{id}", this::pipeline);
        app.sse("/-/pipelines/{id}/live", this::pipelineLive);
        app.get("/-/jobs/{id}", this::jobPage);
        app.get("/-/jobs/{id}/log", this::earlierLog);
        app.get("/-/jobs/{id}/raw", ctx -> ctx.contentType("text/plain; charset=utf-8")
                .result(java.nio.file.Files.newInputStream(existingLog(visibleJob(ctx)))));
        app.get("/-/jobs/{id}/artifacts.zip", this::artifacts);
        app.sse("/-/jobs/{id}/live", this::jobLive);
        app.get("/<project>/badges/{ref}/pipeline.svg", this::badge);
        app.post("/-/pipelines/{id}/{action}", ctx -> act(ctx, thenBack(this::pipelineAction)));
        app.post("/-/jobs/{id}/{action}", ctx -> act(ctx, thenBack(this::jobAction)));
        app.get(SettingsPages.RUNNERS, ctx -> {
            requireAdmin(ctx, "only administrators see the runners");
            ctx.html(SettingsPages.runners(viewer(ctx), control.runners(), control.registrationToken()));
        });
        app.post(SettingsPages.RESET_REGISTRATION_TOKEN, ctx -> act(ctx, thenBack(this::resetRegistrationToken)));
        app.get(SettingsPages.TOKENS, ctx -> ctx.html(SettingsPages.tokens(viewer(ctx), accounts.tokens(viewer(ctx).person()), null)));
        app.post(SettingsPages.TOKENS, ctx -> act(ctx, this::createToken));
        app.post(SettingsPages.TOKENS + "/{id}/revoke", ctx -> act(ctx, thenBack(c ->
                accounts.revokeToken(viewer(c).person(), id(c)) ? null : "no such token of yours")));
        app.get("/-/projects/{id}/settings/ci_cd", ctx -> {
            var p = managed(ctx);
            ctx.html(SettingsPages.ciCd(viewer(ctx), p, settings.variables(p.id()), settings.protectedBranches(p.id()),
                    settings.mergeRules(p.id())));
        });
        app.post("/-/projects/{id}/settings/ci_cd/merge_requests", ctx -> act(ctx, thenBack(c -> {
            settings.saveMergeRules(managed(c).id(), MergeRulesForm.read(c));
            return null;
        })));
        app.post("/-/projects/{id}/settings/ci_cd/variables", ctx -> act(ctx, thenBack(this::saveVariable)));
        app.post("/-/projects/{id}/settings/ci_cd/variables/delete", ctx -> act(ctx, thenBack(c ->
                settings.deleteVariable(managed(c).id(), c.queryParam("key"), c.queryParam("scope")) ? null : "no such variable")));
        app.post("/-/projects/{id}/settings/ci_cd/protected_branches", ctx -> act(ctx, thenBack(c -> {
            settings.protectBranch(managed(c).id(), c.formParam("name"));
            return null;
        })));
        app.post("/-/projects/{id}/settings/ci_cd/protected_branches/delete", ctx -> act(ctx, thenBack(c ->
                settings.unprotectBranch(managed(c).id(), c.queryParam("name")) ? null : "that branch is not protected")));
        app.exception(NotFound.class, (e, ctx) -> refuse(ctx, 404, e.getMessage()));
        app.exception(Forbidden.class, (e, ctx) -> refuse(ctx, 403, e.getMessage()));
        app.exception(Refused.class, (e, ctx) -> refuse(ctx, 400, e.getMessage()));
    }

    /** A page saying why a request was not done: 403 forbidden, 404 not found, 409 not possible now. */
    static void refuse(Context ctx, int status, String why) {
        String title = switch (status) {
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 400 -> "Not saved";
            default -> "Not done";
        };
        ctx.status(status).html(Layout.page(SignIn.viewer(ctx), title, "<h1>" + title + "</h1><p>" + Html.esc(why) + "</p>"));
    }

    private static Viewer viewer(Context ctx) {
        return SignIn.viewer(ctx);
    }

    private static void requireAdmin(Context ctx, String why) {
        if (!viewer(ctx).person().admin()) {
            throw new Forbidden(why);
        }
    }

    /** The form's box must be ticked: a reset makes every runner not yet registered need the new token. */
    private String resetRegistrationToken(Context ctx) {
        requireAdmin(ctx, "only administrators reset the registration token");
        if (!"yes".equals(ctx.formParam("confirm"))) {
            return "the registration token was not reset: tick the box to confirm";
        }
        control.resetRegistrationToken();
        return null;
    }

    /** The project, when the viewer may see it; a 404 otherwise, so a project's existence is not given away. */
    private Views.ProjectView visibleProject(Context ctx, long projectId) {
        return reads.project(projectId).filter(p -> accounts.canView(viewer(ctx).person(), p.id()))
                .orElseThrow(() -> new NotFound("no project " + projectId));
    }

    /** The project, when the viewer may change its settings (maintainers and above). */
    private Views.ProjectView managed(Context ctx) {
        var p = visibleProject(ctx, id(ctx));
        if (!accounts.canManage(viewer(ctx).person(), p.id())) {
            throw new Forbidden("only maintainers may change this project's settings");
        }
        return p;
    }

    /** Answers with the tokens page itself: the only response that ever shows the new token's secret. */
    private void createToken(Context ctx) {
        var me = viewer(ctx).person();
        String secret = accounts.createToken(me, ctx.formParam("name"), ctx.formParams("scopes"), ctx.formParam("expires_at"));
        ctx.header("Cache-Control", "no-store").html(SettingsPages.tokens(viewer(ctx), accounts.tokens(me), secret));
    }

    private String saveVariable(Context ctx) {
        var p = managed(ctx);
        var v = new ProjectSettings.Variable(Objects.requireNonNullElse(ctx.formParam("key"), "").trim(), ctx.formParam("value"),
                "true".equals(ctx.formParam("protected")), "true".equals(ctx.formParam("masked")), ctx.formParam("environment_scope"));
        settings.saveVariable(p.id(), ctx.formParam("old_key"), ctx.formParam("old_scope"), v);
        return null;
    }

    /** The project, when the viewer may read its code (reporters and above), as its merge requests need. */
    private Views.ProjectView codeReadable(Context ctx) {
        var p = visibleProject(ctx, id(ctx));
        if (!accounts.canReadCode(viewer(ctx).person(), p.id())) {
            throw new NotFound("no merge requests you may read in " + p.path());
        }
        return p;
    }

    private void mergeRequests(Context ctx) {
        var p = codeReadable(ctx);
        String state = MergeRequestPages.STATES.stream().filter(s -> s.equals(ctx.queryParam("state"))).findFirst().orElse("opened");
        int page = (int) Math.min(100_000, Math.max(1, parseOr(ctx.queryParam("page"), 1)));
        ctx.html(MergeRequestPages.list(viewer(ctx), p, mergeRequests.list(p.id(), state.equals("all") ? null : state, page, PAGE_SIZE),
                state, page, mergeRequests.mayWrite(p.id(), viewer(ctx).person())));
    }

    /**
     * Approve, unapprove, merge, close, reopen or comment: the coordinator checks who may and when, as for the REST API,
     * and says why not.
     */
    private String mergeRequestAction(Context ctx) {
        var p = codeReadable(ctx);
        var me = viewer(ctx).person();
        long iid = iid(ctx);
        java.util.Optional<String> refused = switch (ctx.pathParam("action")) {
            case "approve" -> mergeRequests.approve(p.id(), iid, me, ctx.formParam("sha"));
            case "unapprove" -> mergeRequests.unapprove(p.id(), iid, me);
            case "merge" -> mergeRequests.merge(p.id(), iid, me, ctx.formParam("sha"));
            case "close", "reopen" -> mergeRequests.changeState(p.id(), iid, me, ctx.pathParam("action"));
            case "notes" -> mergeRequests.comment(p.id(), iid, me, ctx.formParam("body"));
            default -> throw new NotFound("no such action");
        };
        return refused.orElse(null);
    }

    static long iid(Context ctx) {
        long iid = parseOr(ctx.pathParam("iid"), -1);
        if (iid < 0) {
            throw new NotFound("no such merge request");
        }
        return iid;
    }

    private boolean mayRun(Context ctx, PipelineView p) {
        return accounts.canRun(viewer(ctx).person(), p.projectId(), p.ref());
    }

    private void asset(Context ctx) {
        var asset = Assets.find(ctx.pathParam("name")).orElseThrow(() -> new NotFound("no such file"));
        ctx.header("Cache-Control", "public, max-age=3600").contentType(asset.contentType()).result(asset.bytes());
    }

    private void project(Context ctx) {
        var p = visibleProject(ctx, id(ctx));
        var recent = reads.pipelines(p.id(), null, null, null, 1, 5).items();
        ctx.html(ProjectPages.project(viewer(ctx), accounts.canManage(viewer(ctx).person(), p.id()), p, control.branches(p.repoDir()), recent, ctx.scheme() + "://" + ctx.host()));
    }

    private void pipelines(Context ctx) {
        var p = visibleProject(ctx, id(ctx));
        String ref = ctx.queryParam("ref");
        String status = ctx.queryParam("status");
        String source = ctx.queryParam("source");
        int page = (int) Math.min(100_000, Math.max(1, parseOr(ctx.queryParam("page"), 1)));
        ctx.html(ProjectPages.pipelines(viewer(ctx), p, reads.pipelines(p.id(), ref, status, source, page, PAGE_SIZE),
                new ProjectPages.ListFilter(ref, status, source), page));
    }

    private void pipeline(Context ctx) {
        PipelineView p = pipelineOf(id(ctx));
        var project = visibleProject(ctx, p.projectId());
        ctx.html(PipelinePage.page(viewer(ctx), mayRun(ctx, p), project, p, reads.latestJobs(p.id()), control.layout(p.id())));
    }

    /** Pushes the whole live fragment at once, then again after every change, until the page goes away. */
    private void pipelineLive(SseClient client) {
        Context ctx = client.ctx();
        long id = parseOr(ctx.pathParam("id"), -1);
        try (var watch = live.watch(id)) {
            visibleProject(ctx, pipelineOf(id).projectId());
            while (!client.terminated()) {
                PipelineView p = pipelineOf(id);
                client.sendEvent("pipeline", PipelinePage.live(viewer(ctx), mayRun(ctx, p), p, reads.latestJobs(id), control.layout(id), Instant.now()));
                while (!watch.await(KEEP_ALIVE) && !client.terminated()) {
                    client.sendComment("keep-alive");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NotFound e) {
            client.close();
        }
    }

    private void jobPage(Context ctx) {
        JobView job = visibleJob(ctx);
        PipelineView p = pipelineOf(job.pipelineId());
        var project = visibleProject(ctx, p.projectId());
        var files = accounts.canReadCode(viewer(ctx).person(), project.id())
                ? control.artifacts(job.id()).map(WebRoutes::entries).orElse(null) : null;
        ctx.html(JobPage.page(viewer(ctx), mayRun(ctx, p), project, job,
                LogSlices.tail(control.traceFile(job.id()), job.complete()), files));
    }

    private void earlierLog(Context ctx) {
        JobView job = visibleJob(ctx);
        var slice = LogSlices.before(control.traceFile(job.id()), parseOr(ctx.queryParam("before"), 0));
        ctx.html(JobPage.earlier(job.id(), slice.start()) + LogRenderer.render(slice.text(), slice.firstLine()));
    }

    /**
     * Sends what the runner appends to the log (the file's size is checked every 250 ms, a stat, not a query) and the job's header whenever its pipeline changes.
     */
    private void jobLive(SseClient client) {
        Context ctx = client.ctx();
        JobView job;
        try {
            job = visibleJob(ctx);
        } catch (NotFound e) {
            client.close();
            return;
        }
        boolean mayRun = mayRun(ctx, pipelineOf(job.pipelineId()));
        Path file = control.traceFile(job.id());
        long from = parseOr(ctx.queryParam("from"), 0);
        long line = parseOr(ctx.queryParam("line"), 1);
        try (var watch = live.watch(job.pipelineId())) {
            boolean changed = true;
            while (!client.terminated()) {
                if (changed) {
                    job = reads.job(job.id()).orElseThrow();
                    client.sendEvent("job", JobPage.header(viewer(ctx), mayRun, job, Instant.now()));
                }
                var slice = LogSlices.after(file, from, line, LIVE_CHUNK, job.complete());
                if (!slice.text().isEmpty()) {
                    client.sendEvent("log", LogRenderer.render(slice.text(), line));
                    from = slice.end();
                    line += JobPage.lineCount(slice.text());
                    changed = false;
                    continue;
                }
                boolean done = job.complete() && from >= LogSlices.size(file);
                changed = watch.await(done ? KEEP_ALIVE : LOG_POLL);
                if (done && !changed) {
                    client.sendComment("keep-alive");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void badge(Context ctx) {
        String path = URLDecoder.decode(ctx.pathParam("project"), StandardCharsets.UTF_8);
        String ref = URLDecoder.decode(ctx.pathParam("ref"), StandardCharsets.UTF_8);
        String status = reads.projectByPath(path).flatMap(p -> reads.latestStatus(p.id(), ref)).orElse("unknown");
        ctx.header("Cache-Control", "no-cache").contentType("image/svg+xml").result(Badge.svg(status));
    }

    /** GitLab's job artifacts download; the whole archive, for who may read the project's code. */
    private void artifacts(Context ctx) throws java.io.IOException {
        JobView job = visibleJob(ctx);
        if (!accounts.canReadCode(viewer(ctx).person(), pipelineOf(job.pipelineId()).projectId())) {
            throw new Forbidden("reporters and above may download artifacts");
        }
        Path zip = control.artifacts(job.id()).orElseThrow(() -> new NotFound("job #" + job.id() + " has no artifacts"));
        ctx.contentType("application/zip").header("Content-Disposition", "attachment; filename=artifacts.zip")
                .result(java.nio.file.Files.newInputStream(zip));
    }

    /** The archive's file names, the first 200 (the download holds them all). */
    private static List<String> entries(Path zip) {
        try (var file = new ZipFile(zip.toFile())) {
            return file.stream().filter(e -> !e.isDirectory()).limit(200).map(ZipEntry::getName).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /**
     * Every state-changing request of the UI passes here: first the CSRF token (a 403 without the session's), then
     * the action, which checks the permission itself (a {@link Forbidden} 403) and answers.
     */
    static void act(Context ctx, Consumer<Context> action) {
        if (!SignIn.csrfValid(ctx)) {
            refuse(ctx, 403, "The form's security token is missing or stale: reload the page and try again.");
            return;
        }
        action.accept(ctx);
    }

    /** An action refused for the state it finds comes back as a 409 page saying why; a done one returns to where it was asked. */
    private static Consumer<Context> thenBack(Function<Context, String> action) {
        return ctx -> back(ctx, action.apply(ctx));
    }

    private static void back(Context ctx, String refused) {
        if (refused != null) {
            refuse(ctx, 409, refused);
            return;
        }
        String back = ctx.header("Referer");
        ctx.redirect(back == null ? "/" : back, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private String pipelineAction(Context ctx) {
        PipelineView p = pipelineOf(id(ctx));
        requireRun(ctx, p);
        boolean done = switch (ctx.pathParam("action")) {
            case "cancel" -> control.cancelPipeline(p.id());
            case "retry" -> control.retryPipeline(p.id());
            default -> throw new NotFound("no such action");
        };
        return done ? null : "nothing to " + ctx.pathParam("action") + " in pipeline #" + p.id();
    }

    private String jobAction(Context ctx) {
        JobView job = visibleJob(ctx);
        requireRun(ctx, pipelineOf(job.pipelineId()));
        var outcome = switch (ctx.pathParam("action")) {
            case "play" -> control.play(job.id());
            case "retry" -> control.retry(job.id());
            case "cancel" -> control.cancel(job.id());
            default -> throw new NotFound("no such action");
        };
        return switch (outcome) {
            case Control.Outcome.Done d -> null;
            case Control.Outcome.Refused r -> r.reason();
        };
    }

    private void requireRun(Context ctx, PipelineView p) {
        visibleProject(ctx, p.projectId());
        if (!mayRun(ctx, p)) {
            throw new Forbidden("you may not run, retry or cancel jobs of " + p.ref() + " in this project");
        }
    }

    /** The job, when the viewer may see its project. */
    private JobView visibleJob(Context ctx) {
        JobView job = reads.job(id(ctx)).orElseThrow(() -> new NotFound("no job " + ctx.pathParam("id")));
        visibleProject(ctx, pipelineOf(job.pipelineId()).projectId());
        return job;
    }

    private Path existingLog(JobView job) {
        Path file = control.traceFile(job.id());
        if (!java.nio.file.Files.exists(file)) {
            throw new NotFound("job #" + job.id() + " has no log yet");
        }
        return file;
    }

    private PipelineView pipelineOf(long id) {
        return reads.pipeline(id).orElseThrow(() -> new NotFound("no pipeline " + id));
    }

    private static long id(Context ctx) {
        long id = parseOr(ctx.pathParam("id"), -1);
        if (id < 0) {
            throw new NotFound("no such page");
        }
        return id;
    }

    private static long parseOr(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
