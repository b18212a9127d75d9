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
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The web UI's routes, under {@code /-/} so they never meet the API or git's URLs. Pages are read-only; every
 * action is a POST through {@link #act}, the one place where sign-in will check the person and the CSRF token.
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

    private final WebReads reads;
    private final Control control;
    private final LiveUpdates live;

    public WebRoutes(Jdbi jdbi, Control control, LiveUpdates live) {
        this.reads = new WebReads(jdbi);
        this.control = control;
        this.live = live;
    }

    public void register(Javalin app) {
        app.get("/", ctx -> ctx.redirect("/-/projects"));
        app.get("/-/assets/{name}", this::asset);
        app.get("/-/projects", ctx -> ctx.html(ProjectPages.projects(reads.projects())));
        app.get("/-/projects/{id}", this::project);
        app.get("/-/projects/{id}/pipelines", this::pipelines);
        app.get("/-/pipelines/{id}", this::pipeline);
        app.sse("/-/pipelines/{id}/live", this::pipelineLive);
        app.get("/-/jobs/{id}", this::jobPage);
        app.get("/-/jobs/{id}/log", this::earlierLog);
        app.get("/-/jobs/{id}/raw", ctx -> ctx.contentType("text/plain; charset=utf-8")
                .result(java.nio.file.Files.newInputStream(existingLog(job(ctx)))));
        app.sse("/-/jobs/{id}/live", this::jobLive);
        app.get("/<project>/badges/{ref}/pipeline.svg", this::badge);
        app.post("/-/pipelines/{id}/{action}", ctx -> act(ctx, this::pipelineAction));
        app.post("/-/jobs/{id}/{action}", ctx -> act(ctx, this::jobAction));
        app.exception(NotFound.class, (e, ctx) -> ctx.status(404)
                .html(Layout.page("Not found", "<h1>Not found</h1><p>" + Html.esc(e.getMessage()) + "</p>")));
    }

    private void asset(Context ctx) {
        var asset = Assets.find(ctx.pathParam("name")).orElseThrow(() -> new NotFound("no such file"));
        ctx.header("Cache-Control", "public, max-age=3600").contentType(asset.contentType()).result(asset.bytes());
    }

    private void project(Context ctx) {
        var p = reads.project(id(ctx)).orElseThrow(() -> new NotFound("no project " + ctx.pathParam("id")));
        var recent = reads.pipelines(p.id(), null, null, 1, 5).items();
        ctx.html(ProjectPages.project(p, control.branches(p.repoDir()), recent, ctx.scheme() + "://" + ctx.host()));
    }

    private void pipelines(Context ctx) {
        var p = reads.project(id(ctx)).orElseThrow(() -> new NotFound("no project " + ctx.pathParam("id")));
        String ref = ctx.queryParam("ref");
        String status = ctx.queryParam("status");
        int page = (int) Math.min(100_000, Math.max(1, parseOr(ctx.queryParam("page"), 1)));
        ctx.html(ProjectPages.pipelines(p, reads.pipelines(p.id(), ref, status, page, PAGE_SIZE), ref, status, page));
    }

    private void pipeline(Context ctx) {
        PipelineView p = pipelineOf(id(ctx));
        var project = reads.project(p.projectId()).orElseThrow();
        ctx.html(PipelinePage.page(project, p, reads.latestJobs(p.id()), control.layout(p.id())));
    }

    /** Pushes the whole live fragment at once, then again after every change, until the page goes away. */
    private void pipelineLive(SseClient client) {
        long id = parseOr(client.ctx().pathParam("id"), -1);
        try (var watch = live.watch(id)) {
            while (!client.terminated()) {
                PipelineView p = pipelineOf(id);
                client.sendEvent("pipeline", PipelinePage.live(p, reads.latestJobs(id), control.layout(id), Instant.now()));
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
        JobView job = job(ctx);
        var project = reads.project(pipelineOf(job.pipelineId()).projectId()).orElseThrow();
        ctx.html(JobPage.page(project, job, LogSlices.tail(control.traceFile(job.id()), job.complete())));
    }

    private void earlierLog(Context ctx) {
        JobView job = job(ctx);
        var slice = LogSlices.before(control.traceFile(job.id()), parseOr(ctx.queryParam("before"), 0));
        ctx.html(JobPage.earlier(job.id(), slice.start()) + LogRenderer.render(slice.text(), slice.firstLine()));
    }

    /**
     * Sends what the runner appends to the log (the file's size is checked every 250 ms, a stat, not a query) and the job's header whenever its pipeline changes.
     */
    private void jobLive(SseClient client) {
        Context ctx = client.ctx();
        JobView job = reads.job(parseOr(ctx.pathParam("id"), -1)).orElse(null);
        if (job == null) {
            client.close();
            return;
        }
        Path file = control.traceFile(job.id());
        long from = parseOr(ctx.queryParam("from"), 0);
        long line = parseOr(ctx.queryParam("line"), 1);
        try (var watch = live.watch(job.pipelineId())) {
            boolean changed = true;
            while (!client.terminated()) {
                if (changed) {
                    job = reads.job(job.id()).orElseThrow();
                    client.sendEvent("job", JobPage.header(job, Instant.now()));
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

    /**
     * Every state-changing request of the UI passes here: sign-in's permission and CSRF checks go in this one
     * method. A refused action comes back as a 409 page saying why; a done one returns to where it was asked.
     */
    private void act(Context ctx, Function<Context, String> action) {
        String refused = action.apply(ctx);
        if (refused != null) {
            ctx.status(409).html(Layout.page("Not done", "<h1>Not done</h1><p>" + Html.esc(refused) + "</p>"));
            return;
        }
        String back = ctx.header("Referer");
        ctx.redirect(back == null ? "/" : back, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private String pipelineAction(Context ctx) {
        PipelineView p = pipelineOf(id(ctx));
        boolean done = switch (ctx.pathParam("action")) {
            case "cancel" -> control.cancelPipeline(p.id());
            case "retry" -> control.retryPipeline(p.id());
            default -> throw new NotFound("no such action");
        };
        return done ? null : "nothing to " + ctx.pathParam("action") + " in pipeline #" + p.id();
    }

    private String jobAction(Context ctx) {
        JobView job = job(ctx);
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

    private JobView job(Context ctx) {
        return reads.job(id(ctx)).orElseThrow(() -> new NotFound("no job " + ctx.pathParam("id")));
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
