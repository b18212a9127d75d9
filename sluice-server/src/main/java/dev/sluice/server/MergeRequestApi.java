package dev.sluice.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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
    /** The store's column sizes (V9). */
    private static final int TITLE_MAX = 255;
    private static final int TEXT_MAX = 65535;

    private final Projects projects;
    private final Permissions permissions;
    private final MergeRequests mergeRequests;
    private final MergeRequestPipelines mrPipelines;
    private final MergeRequestActions actions;
    private final Pipelines pipelines;
    private final Clock clock;
    private final MergeRequestViews views;

    MergeRequestApi(Projects projects, Users users, Permissions permissions, MergeRequests mergeRequests, MergeSettings settings,
                    MergeRequestPipelines mrPipelines, MergeGate gate, Merger merger, Pipelines pipelines, Clock clock) {
        this.projects = projects;
        this.permissions = permissions;
        this.mergeRequests = mergeRequests;
        this.mrPipelines = mrPipelines;
        this.actions = new MergeRequestActions(permissions, mergeRequests, settings, gate, merger, clock);
        this.pipelines = pipelines;
        this.clock = clock;
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
        var user = Authentication.user(ctx);
        if (!permissions.canWriteMergeRequests(user, project.id())) {
            throw new RunnerApi.Refused(403, "403 Forbidden - opening merge requests needs the developer role");
        }
        var params = RequestParams.of(ctx);
        String source = nonBlank(params, "source_branch");
        String target = nonBlank(params, "target_branch");
        String title = limited(nonBlank(params, "title"), "title", TITLE_MAX);
        Path repo = Path.of(project.repoDir());
        String head = branchHead(repo, source, "source_branch");
        branchHead(repo, target, "target_branch");
        if (source.equals(target)) {
            throw new RunnerApi.Refused(422, "422 Unprocessable Entity - source_branch and target_branch must differ");
        }
        var twin = mergeRequests.openFrom(project.id(), source).stream().filter(m -> m.targetBranch().equals(target)).findFirst();
        if (twin.isPresent()) {
            throw new RunnerApi.Refused(409, "409 Conflict - Another open merge request already exists for this source branch: !"
                    + twin.get().iid());
        }
        String description = limited(params.text("description").orElse(""), "description", TEXT_MAX);
        var mr = mergeRequests.create(project.id(), title, description, source, target, user.id(), head,
                clock.instant());
        mrPipelines.run(project, mr, head);
        RunnerApi.json(ctx, 201, views.mergeRequest(project, mr));
    }

    private void update(Context ctx) {
        var project = readable(ctx);
        var mr = existing(ctx, project);
        if (!permissions.canWriteMergeRequests(Authentication.user(ctx), project.id())) {
            throw new RunnerApi.Refused(403, "403 Forbidden - editing merge requests needs the developer role");
        }
        var params = RequestParams.of(ctx);
        Instant now = clock.instant();
        if (params.text("title").isPresent() || params.text("description").isPresent()) {
            String title = params.text("title").orElse(mr.title());
            if (title.isBlank()) {
                throw new RunnerApi.Refused(400, "400 Bad Request - title is empty");
            }
            mergeRequests.edit(mr.id(), limited(title, "title", TITLE_MAX),
                    limited(params.text("description").orElse(mr.description()), "description", TEXT_MAX), now);
        }
        var event = params.text("state_event");
        if (event.isPresent()) {
            if (mr.state().equals("merged")) {
                throw new RunnerApi.Refused(405, "405 Method Not Allowed - a merged merge request cannot be closed or reopened");
            }
            switch (event.get()) {
                case "close" -> mergeRequests.setState(mr.id(), "closed", now);
                case "reopen" -> reopen(project, mr, now);
                default -> throw new RunnerApi.Refused(400, "400 Bad Request - state_event does not have a valid value (close, reopen)");
            }
        }
        RunnerApi.json(ctx, 200, views.mergeRequest(project, mergeRequests.find(project.id(), mr.iid()).orElseThrow()));
    }

    /** The source branch may have moved while the merge request was closed: its head gets a merge-request pipeline then. */
    private void reopen(Projects.Project project, MergeRequests.MergeRequest mr, Instant now) {
        String head = branchHead(Path.of(project.repoDir()), mr.sourceBranch(), "source_branch");
        mergeRequests.setState(mr.id(), "opened", now);
        mergeRequests.seenHead(mr.id(), head);
        if (pipelines.count(project.id(), new Pipelines.Filter(mr.headRef(), null, head)) == 0) {
            try {
                mrPipelines.run(project, mr, head);
            } catch (GitRepos.GitException e) {
                throw new RunnerApi.Refused(400, "400 Bad Request - " + e.getMessage());
            }
        }
    }

    private void note(Context ctx) {
        var project = readable(ctx);
        var mr = existing(ctx, project);
        String body = limited(nonBlank(RequestParams.of(ctx), "body"), "body", TEXT_MAX);
        RunnerApi.json(ctx, 201, views.note(mergeRequests.addNote(mr.id(), Authentication.user(ctx).id(), body, clock.instant())));
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

    private static String branchHead(Path repo, String branch, String field) {
        try {
            return GitRepos.resolve(repo, RefUpdate.BRANCHES + branch);
        } catch (GitRepos.GitException e) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " " + branch + " does not exist");
        }
    }

    private static String nonBlank(RequestParams params, String field) {
        String value = params.required(field);
        if (value.isBlank()) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " is empty");
        }
        return value;
    }

    private static String limited(String value, String field, int max) {
        if (value.length() > max) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + field + " is too long (at most " + max + " characters)");
        }
        return value;
    }
}
