package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitLab's v4 REST for people acting on pipelines and jobs: cancel and retry a pipeline, list its jobs,
 * play, retry and cancel a job. Each becomes an engine event applied under the pipeline's lock.
 */
final class JobApi {

    private final Pipelines pipelines;
    private final Jobs jobs;
    private final PipelineRuns runs;

    JobApi(Pipelines pipelines, Jobs jobs, PipelineRuns runs) {
        this.pipelines = pipelines;
        this.jobs = jobs;
        this.runs = runs;
    }

    void routes(Javalin app) {
        app.get("/api/v4/projects/{id}/pipelines/{pid}/jobs", this::list);
        app.post("/api/v4/projects/{id}/pipelines/{pid}/cancel", ctx -> pipelineAction(ctx, runs::cancelPipeline));
        app.post("/api/v4/projects/{id}/pipelines/{pid}/retry", ctx -> pipelineAction(ctx, runs::retryPipeline));
        app.post("/api/v4/projects/{id}/jobs/{job}/play", ctx -> jobAction(ctx, runs::play, 200, 400));
        app.post("/api/v4/projects/{id}/jobs/{job}/retry", ctx -> jobAction(ctx, runs::retry, 201, 403));
        app.post("/api/v4/projects/{id}/jobs/{job}/cancel", ctx -> jobAction(ctx, runs::cancel, 201, 403));
        app.get("/api/v4/projects/{id}/jobs/{job}", ctx -> {
            var job = job(ctx);
            RunnerApi.json(ctx, 200, view(job, pipeline(job.pipelineId())));
        });
    }

    private void list(Context ctx) {
        var pipeline = pipelineOf(ctx);
        var latest = runs.latestJobIds(pipeline.id());
        boolean includeRetried = "true".equals(ctx.queryParam("include_retried"));
        RunnerApi.json(ctx, 200, jobs.ofPipeline(pipeline.id()).stream()
                .filter(j -> includeRetried || latest.map(ids -> ids.contains(j.id())).orElse(true))
                .map(j -> view(j, pipeline)).toList());
    }

    private void pipelineAction(Context ctx, java.util.function.LongPredicate action) {
        var pipeline = pipelineOf(ctx);
        if (!action.test(pipeline.id())) {
            throw new RunnerApi.Refused(400, "400 Bad Request - nothing to do for pipeline " + pipeline.id());
        }
        RunnerApi.json(ctx, 201, ProjectApi.view(pipeline(pipeline.id())));
    }

    private void jobAction(Context ctx, java.util.function.LongFunction<PipelineRuns.Action> action, int ok, int refused) {
        var job = job(ctx);
        switch (action.apply(job.id())) {
            case PipelineRuns.Action.Done d -> {
                var result = jobs.find(d.jobId()).orElseThrow();
                RunnerApi.json(ctx, ok, view(result, pipeline(result.pipelineId())));
            }
            case PipelineRuns.Action.Refused r -> throw new RunnerApi.Refused(refused,
                    (refused == 403 ? "403 Forbidden - " : "400 Bad Request - ") + r.reason());
        }
    }

    private Jobs.JobRow job(Context ctx) {
        long project = id(ctx.pathParam("id"));
        return jobs.find(id(ctx.pathParam("job"))).filter(j -> pipeline(j.pipelineId()).projectId() == project)
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Job Not Found"));
    }

    private Pipelines.PipelineRow pipelineOf(Context ctx) {
        return pipelines.find(id(ctx.pathParam("pid"))).filter(p -> p.projectId() == id(ctx.pathParam("id")))
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Not Found"));
    }

    private Pipelines.PipelineRow pipeline(long id) {
        return pipelines.find(id).orElseThrow();
    }

    /** GitLab's job entity, the fields Sluice knows. */
    private static Map<String, Object> view(Jobs.JobRow j, Pipelines.PipelineRow p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", j.id());
        m.put("name", j.name());
        m.put("stage", j.stage());
        m.put("status", j.status());
        m.put("ref", p.ref());
        m.put("failure_reason", j.failureReason());
        m.put("pipeline", Map.of("id", p.id(), "project_id", p.projectId(), "ref", p.ref(), "sha", p.sha(), "status", p.status()));
        m.put("runner", j.runnerId() == null ? null : Map.of("id", j.runnerId()));
        return m;
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RunnerApi.Refused(404, "404 Not Found");
        }
    }
}
