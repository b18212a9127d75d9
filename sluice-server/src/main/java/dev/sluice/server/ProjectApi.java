package dev.sluice.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GitLab's projects and pipelines API: {@code POST /projects} (cloning {@code import_url}), list and show projects,
 * create, list and show pipelines. A project is named by its id or by its URL-encoded path.
 */
final class ProjectApi {

    private final Projects projects;
    private final Mirrors mirrors;
    private final Pipelines pipelines;
    private final PipelineRuns runs;
    private final ProjectImports imports;
    private final ProjectMembers members;
    private final ProjectAccess access;

    ProjectApi(Projects projects, ProjectMembers members, ProjectImports imports, Mirrors mirrors, Pipelines pipelines,
               PipelineRuns runs, ProjectAccess access) {
        this.projects = projects;
        this.members = members;
        this.imports = imports;
        this.access = access;
        this.mirrors = mirrors;
        this.pipelines = pipelines;
        this.runs = runs;
    }

    void routes(Javalin app) {
        app.post("/api/v4/projects", this::create);
        app.get("/api/v4/projects", this::list);
        app.get("/api/v4/projects/{id}", ctx -> RunnerApi.json(ctx, 200, view(access.project(ctx, ProjectAccess.Need.VIEW))));
        app.post("/api/v4/projects/{id}/pipeline", this::pipeline);
        app.get("/api/v4/projects/{id}/pipelines", this::pipelines);
        app.get("/api/v4/projects/{id}/pipelines/{pid}", this::getPipeline);
    }

    /** The project named by the {@code id} path parameter: its id, or its path URL-encoded ({@code group%2Fapp}). */
    static Projects.Project project(Projects projects, Context ctx) {
        String idOrPath = ctx.pathParam("id");
        var found = idOrPath.matches("\\d{1,18}") ? projects.find(Long.parseLong(idOrPath)) : projects.byPath(idOrPath);
        return found.orElseThrow(() -> new RunnerApi.Refused(404, "404 Project Not Found"));
    }

    /** An administrator sees every project, anyone else the projects they are a member of. */
    private void list(Context ctx) {
        var page = Page.of(ctx);
        var user = Authentication.user(ctx);
        if (user.admin()) {
            page.respond(ctx, projects.count(), projects.list(page.offset(), page.perPage()).stream().map(ProjectApi::view).toList());
            return;
        }
        var ids = members.projectsOf(user.id());
        page.respond(ctx, ids.size(), ids.stream().skip(page.offset()).limit(page.perPage())
                .flatMap(id -> projects.find(id).stream()).map(ProjectApi::view).toList());
    }

    private void pipelines(Context ctx) {
        var project = access.project(ctx, ProjectAccess.Need.VIEW);
        var filter = new Pipelines.Filter(ctx.queryParam("ref"), ctx.queryParam("status"), ctx.queryParam("sha"),
                ctx.queryParam("source"));
        if (filter.status() != null && !PIPELINE_STATUSES.contains(filter.status())) {
            throw new RunnerApi.Refused(400, "400 Bad Request - status does not have a valid value");
        }
        if (filter.source() != null && !PIPELINE_SOURCES.contains(filter.source())) {
            throw new RunnerApi.Refused(400, "400 Bad Request - source does not have a valid value");
        }
        var page = Page.of(ctx);
        page.respond(ctx, pipelines.count(project.id(), filter), pipelines.ofProject(project.id(), filter, page.offset(), page.perPage())
                .stream().map(ProjectApi::view).toList());
    }

    private static final java.util.Set<String> PIPELINE_STATUSES = java.util.Set.of("created", "waiting_for_resource", "preparing",
            "pending", "running", "success", "failed", "canceled", "skipped", "manual", "scheduled");

    /** GitLab's pipeline sources, the values its {@code source} filter accepts (Sluice creates push, api and merge_request_event ones). */
    static final java.util.Set<String> PIPELINE_SOURCES = java.util.Set.of("push", "web", "trigger", "schedule", "api",
            "external", "pipeline", "chat", "webide", "merge_request_event", "external_pull_request_event", "parent_pipeline");

    private void create(Context ctx) throws GitRepos.GitException {
        JsonNode body = RunnerApi.body(ctx, JsonNode.class);
        String name = text(body, "name");
        String path = body.hasNonNull("path") ? body.get("path").asText() : name;
        String importUrl = text(body, "import_url");
        boolean mirror = body.path("mirror").asBoolean(false);
        var settings = mirror ? Optional.of(MirrorSettings.of(body)) : Optional.<MirrorSettings>empty();
        var project = imports.importProject(name, path, importUrl, Authentication.user(ctx).id());
        settings.ifPresent(m -> mirrors.create(new Mirrors.Mirror(project.id(), importUrl, m.webhookSecret(), m.status())));
        var view = view(project);
        view.put("mirror", mirror);
        RunnerApi.json(ctx, 201, view);
    }

    /** GitLab's project entity, the fields Sluice knows. */
    static Map<String, Object> view(Projects.Project p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("path", p.path().substring(p.path().lastIndexOf('/') + 1));
        m.put("path_with_namespace", p.path());
        m.put("default_branch", p.defaultBranch());
        return m;
    }

    private void pipeline(Context ctx) {
        var project = access.project(ctx, ProjectAccess.Need.VIEW);
        String ref = RequestParams.of(ctx).text("ref").orElse(null); // GitLab takes it in the query or the body
        if (ref == null || ref.isBlank()) {
            throw new RunnerApi.Refused(400, "400 Bad Request - ref is missing");
        }
        access.mayRun(ctx, project, ref);
        String sha;
        try {
            sha = GitRepos.resolve(Path.of(project.repoDir()), ref);
        } catch (GitRepos.GitException e) {
            throw new RunnerApi.Refused(400, "400 Bad Request - Reference not found");
        }
        var created = runs.create(project, ref, sha, variables(ctx));
        pipelines.setUser(created.id(), Authentication.user(ctx).id());
        RunnerApi.json(ctx, 201, view(created));
    }

    /** GitLab: {@code "variables": [{"key": ..., "value": ..., "variable_type": "env_var"}]} in a JSON body. */
    private static Map<String, String> variables(Context ctx) {
        var out = new LinkedHashMap<String, String>();
        var list = RequestParams.of(ctx).node("variables");
        if (list.isEmpty() || list.get().isNull()) {
            return out;
        }
        if (!list.get().isArray()) {
            throw new RunnerApi.Refused(400, "400 Bad Request - variables is invalid (a list of {key, value})");
        }
        for (JsonNode v : list.get()) {
            if (!v.hasNonNull("key") || v.get("key").asText().isEmpty()) {
                throw new RunnerApi.Refused(400, "400 Bad Request - variables[key] is missing");
            }
            out.put(v.get("key").asText(), v.hasNonNull("value") ? v.get("value").asText() : "");
        }
        return out;
    }

    private void getPipeline(Context ctx) {
        long project = access.project(ctx, ProjectAccess.Need.VIEW).id();
        var row = pipelines.find(id(ctx.pathParam("pid"))).filter(p -> p.projectId() == project)
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Not Found"));
        RunnerApi.json(ctx, 200, view(row));
    }

    static Map<String, Object> view(Pipelines.PipelineRow p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", p.id());
        m.put("project_id", p.projectId());
        m.put("ref", p.ref());
        m.put("sha", p.sha());
        m.put("status", p.status());
        m.put("source", p.source());
        if (p.errors() != null) {
            m.put("yaml_errors", p.errors());
        }
        return m;
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.hasNonNull(field) || body.get(field).asText().isBlank()) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " is missing");
        }
        return body.get(field).asText();
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RunnerApi.Refused(404, "404 Not Found");
        }
    }
}
