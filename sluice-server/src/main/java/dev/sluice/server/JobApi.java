package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitLab's v4 REST for people acting on pipelines and jobs: cancel and retry a pipeline, list its jobs or the
 * project's, play, retry and cancel a job (each an engine event applied under the pipeline's lock), read its
 * log and download its artifacts.
 */
final class JobApi {

    /** The job statuses GitLab's scope[] and status filters take. */
    private static final Set<String> STATUSES = Set.of("created", "waiting_for_resource", "preparing", "pending", "running",
            "success", "failed", "canceling", "canceled", "skipped", "manual", "scheduled");

    private final Pipelines pipelines;
    private final Jobs jobs;
    private final PipelineRuns runs;
    private final Traces traces;
    private final JobArtifacts artifacts;
    private final ProjectAccess access;

    JobApi(ProjectAccess access, Pipelines pipelines, Jobs jobs, PipelineRuns runs, Traces traces, JobArtifacts artifacts) {
        this.access = access;
        this.pipelines = pipelines;
        this.jobs = jobs;
        this.runs = runs;
        this.traces = traces;
        this.artifacts = artifacts;
    }

    void routes(Javalin app) {
        app.get("/api/v4/projects/{id}/pipelines/{pid}/jobs", this::list);
        app.post("/api/v4/projects/{id}/pipelines/{pid}/cancel", ctx -> pipelineAction(ctx, runs::cancelPipeline));
        app.post("/api/v4/projects/{id}/pipelines/{pid}/retry", ctx -> pipelineAction(ctx, runs::retryPipeline));
        app.post("/api/v4/projects/{id}/jobs/{job}/play", ctx -> jobAction(ctx, runs::play, 200, 400));
        app.post("/api/v4/projects/{id}/jobs/{job}/retry", ctx -> jobAction(ctx, runs::retry, 201, 403));
        app.post("/api/v4/projects/{id}/jobs/{job}/cancel", ctx -> jobAction(ctx, runs::cancel, 201, 403));
        app.get("/api/v4/projects/{id}/jobs", this::ofProject);
        app.get("/api/v4/projects/{id}/jobs/{job}", ctx -> {
            var job = job(ctx, ProjectAccess.Need.VIEW);
            RunnerApi.json(ctx, 200, view(job, pipeline(job.pipelineId())));
        });
        app.get("/api/v4/projects/{id}/jobs/{job}/trace", ctx -> ctx.status(200).contentType("text/plain; charset=utf-8")
                .result(traces.read(job(ctx, ProjectAccess.Need.READ_CODE).id())));
        app.get("/api/v4/projects/{id}/jobs/{job}/artifacts", this::artifacts);
    }

    private void ofProject(Context ctx) {
        var project = access.project(ctx, ProjectAccess.Need.VIEW);
        var scope = new ArrayList<>(ctx.queryParams("scope[]"));
        scope.addAll(ctx.queryParams("scope"));
        checkStatuses(scope, "scope");
        var page = Page.of(ctx);
        page.respond(ctx, jobs.countOfProject(project.id(), scope), jobs.ofProject(project.id(), scope, page.offset(), page.perPage())
                .stream().map(j -> view(j, pipeline(j.pipelineId()))).toList());
    }

    static void checkStatuses(List<String> statuses, String parameter) {
        if (!STATUSES.containsAll(statuses)) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + parameter + " does not have a valid value");
        }
    }

    private void artifacts(Context ctx) throws java.io.IOException {
        var archive = artifacts.archive(job(ctx, ProjectAccess.Need.READ_CODE).id()).orElseThrow(() -> new RunnerApi.Refused(404, "404 Not Found"));
        ctx.status(200).contentType("application/zip").header("Content-Disposition", "attachment; filename=artifacts.zip")
                .result(java.nio.file.Files.newInputStream(archive));
    }

    private void list(Context ctx) {
        var pipeline = pipelineOf(ctx).pipeline();
        var latest = runs.latestJobIds(pipeline.id());
        boolean includeRetried = "true".equals(ctx.queryParam("include_retried"));
        RunnerApi.json(ctx, 200, jobs.ofPipeline(pipeline.id()).stream()
                .filter(j -> includeRetried || latest.map(ids -> ids.contains(j.id())).orElse(true))
                .map(j -> view(j, pipeline)).toList());
    }

    private void pipelineAction(Context ctx, java.util.function.LongPredicate action) {
        var found = pipelineOf(ctx);
        var pipeline = found.pipeline();
        access.mayRun(ctx, found.project(), pipeline.ref());
        if (!action.test(pipeline.id())) {
            throw new RunnerApi.Refused(400, "400 Bad Request - nothing to do for pipeline " + pipeline.id());
        }
        RunnerApi.json(ctx, 201, ProjectApi.view(pipeline(pipeline.id())));
    }

    private void jobAction(Context ctx, java.util.function.LongFunction<PipelineRuns.Action> action, int ok, int refused) {
        var project = access.project(ctx, ProjectAccess.Need.VIEW);
        var job = job(ctx, project);
        access.mayRun(ctx, project, pipeline(job.pipelineId()).ref());
        switch (action.apply(job.id())) {
            case PipelineRuns.Action.Done d -> {
                var result = jobs.find(d.jobId()).orElseThrow();
                RunnerApi.json(ctx, ok, view(result, pipeline(result.pipelineId())));
            }
            case PipelineRuns.Action.Refused r -> throw new RunnerApi.Refused(refused,
                    (refused == 403 ? "403 Forbidden - " : "400 Bad Request - ") + r.reason());
        }
    }

    private Jobs.JobRow job(Context ctx, ProjectAccess.Need need) {
        return job(ctx, access.project(ctx, need));
    }

    private Jobs.JobRow job(Context ctx, Projects.Project project) {
        return jobs.find(id(ctx.pathParam("job"))).filter(j -> pipeline(j.pipelineId()).projectId() == project.id())
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Job Not Found"));
    }

    private record ProjectPipeline(Projects.Project project, Pipelines.PipelineRow pipeline) {
    }

    private ProjectPipeline pipelineOf(Context ctx) {
        var project = access.project(ctx, ProjectAccess.Need.VIEW);
        return pipelines.find(id(ctx.pathParam("pid"))).filter(p -> p.projectId() == project.id())
                .map(p -> new ProjectPipeline(project, p)).orElseThrow(() -> new RunnerApi.Refused(404, "404 Not Found"));
    }

    private Pipelines.PipelineRow pipeline(long id) {
        return pipelines.find(id).orElseThrow();
    }

    /** GitLab's job entity, the fields Sluice knows. */
    static Map<String, Object> view(Jobs.JobRow j, Pipelines.PipelineRow p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", j.id());
        m.put("name", j.name());
        m.put("stage", j.stage());
        m.put("status", j.status());
        m.put("ref", p.ref());
        m.put("failure_reason", j.failureReason());
        m.put("pipeline", Map.of("id", p.id(), "project_id", p.projectId(), "ref", p.ref(), "sha", p.sha(), "status", p.status(),
                "source", p.source()));
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
