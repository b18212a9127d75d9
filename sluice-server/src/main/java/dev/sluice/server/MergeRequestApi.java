package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * GitLab's merge requests API: list, show, open, edit, close and reopen, notes, pipelines, approve and unapprove,
 * and merge through the {@link MergeGate}. Merge requests are numbered per project ({@code iid}).
 */
final class MergeRequestApi {

    private static final Set<String> STATES = Set.of("opened", "closed", "merged", "all");
    private static final String BASE = "/api/v4/projects/{id}/merge_requests";
    private static final String ONE = BASE + "/{iid}";

    private final Projects projects;
    private final Permissions permissions;
    private final MergeRequests mergeRequests;
    private final MergeRequestActions actions;
    private final MergeRequestChanges changes;
    private final Pipelines pipelines;
    private final MergeRequestViews views;

    MergeRequestApi(Projects projects, Users users, Permissions permissions, MergeRequests mergeRequests, MergeSettings settings,
                    MergeRequestPipelines mrPipelines, MergeGate gate, Merger merger, Pipelines pipelines, Clock clock) {
        this.projects = projects;
        this.permissions = permissions;
        this.mergeRequests = mergeRequests;
        this.changes = new MergeRequestChanges(permissions, mergeRequests, mrPipelines, pipelines, clock);
        this.actions = new MergeRequestActions(permissions, mergeRequests, settings, gate, merger, clock);
        this.pipelines = pipelines;
        this.views = new MergeRequestViews(users, actions, gate);
    }

    void routes(Javalin app) {
        app.get(BASE, this::list);
        app.post(BASE, this::create);
        app.get(ONE, ctx -> {
            var project = readable(ctx);
            RunnerApi.json(ctx, 200, views.mergeRequest(project, existing(ctx, project)));
        });
        app.put(ONE, this::update);
        app.get(ONE + "/notes", ctx -> {
            var project = readable(ctx);
            RunnerApi.json(ctx, 200, mergeRequests.notes(existing(ctx, project).id()).stream().map(views::note).toList());
        });
        app.post(ONE + "/notes", this::note);
        app.get(ONE + "/pipelines", this::pipelines);
        app.get(ONE + "/approvals", ctx -> {
            var project = readable(ctx);
            RunnerApi.json(ctx, 200, views.approvals(project, existing(ctx, project), Authentication.user(ctx)));
        });
        app.post(ONE + "/approve", this::approve);
        app.post(ONE + "/unapprove", this::unapprove);
        app.put(ONE + "/merge", this::merge);
    }

    private void list(Context ctx) {
        var project = readable(ctx);
        String state = Optional.ofNullable(ctx.queryParam("state")).orElse("all");
        if (!STATES.contains(state)) {
            throw new RunnerApi.Refused(400, "400 Bad Request - state does not have a valid value (opened, closed, merged, all)");
        }
        String filter = state.equals("all") ? null : state;
        var page = Page.of(ctx);
        page.respond(ctx, mergeRequests.count(project.id(), filter), mergeRequests.list(project.id(), filter, page.offset(),
                page.perPage()).stream().map(mr -> views.mergeRequest(project, mr)).toList());
    }

    private void create(Context ctx) throws GitRepos.GitException {
        var project = readable(ctx);
        var params = RequestParams.of(ctx);
        var mr = changes.open(project, Authentication.user(ctx), params.required("source_branch"), params.required("target_branch"),
                params.required("title"), params.text("description").orElse(""));
        RunnerApi.json(ctx, 201, views.mergeRequest(project, mr));
    }

    private void update(Context ctx) {
        var project = readable(ctx);
        var params = RequestParams.of(ctx);
        var mr = changes.update(project, existing(ctx, project), Authentication.user(ctx), params.text("title"),
                params.text("description"), params.text("state_event"));
        RunnerApi.json(ctx, 200, views.mergeRequest(project, mr));
    }

    private void note(Context ctx) {
        var project = readable(ctx);
        var mr = existing(ctx, project);
        var body = RequestParams.of(ctx).required("body");
        RunnerApi.json(ctx, 201, views.note(changes.note(mr, Authentication.user(ctx), body)));
    }

    /** The merge request's own pipelines and its source branch's, newest first (GitLab lists both kinds). */
    private void pipelines(Context ctx) {
        var project = readable(ctx);
        var mr = existing(ctx, project);
        RunnerApi.json(ctx, 200, pipelinesOf(pipelines, mr).stream().map(ProjectApi::view).toList());
    }

    /** The merge request's own pipelines and its source branch's, newest first, at most a page's worth. */
    static List<Pipelines.PipelineRow> pipelinesOf(Pipelines pipelines, MergeRequests.MergeRequest mr) {
        return Stream.of(mr.headRef(), mr.sourceBranch())
                .flatMap(ref -> pipelines.ofProject(mr.projectId(), new Pipelines.Filter(ref, null, null), 0, Page.MAX_SIZE).stream())
                .sorted(Comparator.comparingLong(Pipelines.PipelineRow::id).reversed()).limit(Page.MAX_SIZE).toList();
    }

    private void approve(Context ctx) {
        var project = readable(ctx);
        var mr = existing(ctx, project);
        var user = Authentication.user(ctx);
        actions.approve(project, mr, user, RequestParams.of(ctx).text("sha"));
        RunnerApi.json(ctx, 201, views.approvals(project, mr, user));
    }

    private void unapprove(Context ctx) {
        var project = readable(ctx);
        var mr = existing(ctx, project);
        var user = Authentication.user(ctx);
        actions.unapprove(mr, user);
        RunnerApi.json(ctx, 201, views.approvals(project, mr, user));
    }

    private void merge(Context ctx) throws GitRepos.GitException {
        var project = readable(ctx);
        var mr = existing(ctx, project);
        actions.merge(project, mr, Authentication.user(ctx), RequestParams.of(ctx).text("sha"));
        RunnerApi.json(ctx, 200, views.mergeRequest(project, mergeRequests.find(project.id(), mr.iid()).orElseThrow()));
    }

    private Projects.Project readable(Context ctx) {
        var project = ProjectApi.project(projects, ctx);
        if (!permissions.canReadCode(Authentication.user(ctx), project.id())) {
            throw new RunnerApi.Refused(404, "404 Project Not Found");
        }
        return project;
    }

    private MergeRequests.MergeRequest existing(Context ctx, Projects.Project project) {
        return mergeRequests.find(project.id(), RequestParams.id(ctx.pathParam("iid")))
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Not found"));
    }
}
