package dev.sluice.server.web;

import dev.sluice.server.web.MergeRequestControl.Draft;
import dev.sluice.server.web.Views.ProjectView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.function.Function;

/**
 * The forms that open and edit a merge request. The coordinator checks them with the REST API's rules; a refused form
 * comes back with what was typed and the reason above it, so nothing typed is lost.
 */
final class MergeRequestForms {

    private final MergeRequestControl mergeRequests;
    private final Control control;
    private final Function<Context, ProjectView> codeReadable;

    /** @param codeReadable the project of the request, when the viewer may read its code; else a 404 */
    MergeRequestForms(MergeRequestControl mergeRequests, Control control, Function<Context, ProjectView> codeReadable) {
        this.mergeRequests = mergeRequests;
        this.control = control;
        this.codeReadable = codeReadable;
    }

    /** Registered before the merge request page, whose {@code {iid}} would otherwise take {@code new}. */
    void register(Javalin app) {
        app.get("/-/projects/{id}/merge_requests/new", ctx -> {
            var p = writable(ctx);
            var branches = control.branches(p.repoDir());
            String source = ctx.queryParam("source_branch");
            ctx.html(newForm(SignIn.viewer(ctx), p, branches, new Draft(source, branches.contains("main") ? "main" : null, "", ""), null));
        });
        app.post("/-/projects/{id}/merge_requests", ctx -> WebRoutes.act(ctx, this::open));
        app.get("/-/projects/{id}/merge_requests/{iid}/edit", ctx -> {
            var p = writable(ctx);
            var mr = mergeRequests.find(p.id(), WebRoutes.iid(ctx), SignIn.viewer(ctx).person())
                    .orElseThrow(() -> new WebRoutes.NotFound("no merge request !" + ctx.pathParam("iid")));
            ctx.html(editForm(SignIn.viewer(ctx), p, mr.iid(), mr.title(), mr.description(), null));
        });
        app.post("/-/projects/{id}/merge_requests/{iid}/edit", ctx -> WebRoutes.act(ctx, this::edit));
    }

    private void open(Context ctx) {
        var p = writable(ctx);
        var draft = new Draft(ctx.formParam("source_branch"), ctx.formParam("target_branch"), text(ctx, "title"), text(ctx, "description"));
        try {
            long iid = mergeRequests.open(p.id(), SignIn.viewer(ctx).person(), draft);
            ctx.redirect(Urls.mergeRequest(p.id(), iid), HttpStatus.SEE_OTHER);
        } catch (Refused e) {
            ctx.status(422).html(newForm(SignIn.viewer(ctx), p, control.branches(p.repoDir()), draft, e.getMessage()));
        }
    }

    private void edit(Context ctx) {
        var p = writable(ctx);
        long iid = WebRoutes.iid(ctx);
        String title = text(ctx, "title");
        String description = text(ctx, "description");
        var refused = mergeRequests.edit(p.id(), iid, SignIn.viewer(ctx).person(), title, description);
        if (refused.isEmpty()) {
            ctx.redirect(Urls.mergeRequest(p.id(), iid), HttpStatus.SEE_OTHER);
        } else {
            ctx.status(422).html(editForm(SignIn.viewer(ctx), p, iid, title, description, refused.get()));
        }
    }

    /** The project, when the viewer may open and edit its merge requests: a 403 otherwise, the REST API's rule. */
    private ProjectView writable(Context ctx) {
        var p = codeReadable.apply(ctx);
        if (!mergeRequests.mayWrite(p.id(), SignIn.viewer(ctx).person())) {
            throw new WebRoutes.Forbidden("opening and editing merge requests needs the developer role");
        }
        return p;
    }

    static String newForm(Viewer viewer, ProjectView p, List<String> branches, Draft draft, String error) {
        String content = "<h1>New merge request</h1>" + alert(error)
                + "<form method=\"post\" action=\"" + Urls.mergeRequests(p.id()) + "\" class=\"panel stack mr-form\">" + viewer.csrfField()
                + "<div class=\"inline-form\">" + branchSelect("Source branch", "source_branch", branches, draft.sourceBranch())
                + branchSelect("Target branch", "target_branch", branches, draft.targetBranch()) + "</div>"
                + fields(draft.title(), draft.description()) + "<div><button class=\"btn primary\">Create merge request</button></div></form>";
        return Layout.page(viewer, "New merge request · " + p.name(), content, Layout.link("/-/projects", "Projects"),
                Layout.link(Urls.project(p.id()), p.path()), Layout.link(Urls.mergeRequests(p.id()), "Merge requests"),
                Layout.link(Urls.mergeRequests(p.id()) + "/new", "New"));
    }

    static String editForm(Viewer viewer, ProjectView p, long iid, String title, String description, String error) {
        String href = Urls.mergeRequest(p.id(), iid);
        String content = "<h1>Edit merge request <span class=\"muted\">!" + iid + "</span></h1>" + alert(error)
                + "<form method=\"post\" action=\"" + href + "/edit\" class=\"panel stack mr-form\">" + viewer.csrfField()
                + fields(title, description) + "<div><button class=\"btn primary\">Save changes</button> <a href=\"" + href
                + "\">Cancel</a></div></form>";
        return Layout.page(viewer, "Edit !" + iid + " · " + p.name(), content, Layout.link("/-/projects", "Projects"),
                Layout.link(Urls.project(p.id()), p.path()), Layout.link(Urls.mergeRequests(p.id()), "Merge requests"),
                Layout.link(href, "!" + iid), Layout.link(href + "/edit", "Edit"));
    }

    private static String fields(String title, String description) {
        return "<label>Title <input name=\"title\" required maxlength=\"255\" value=\"" + Html.esc(title) + "\"></label>"
                + "<label>Description <textarea name=\"description\" class=\"field\" rows=\"8\">" + Html.esc(description)
                + "</textarea></label>";
    }

    private static String branchSelect(String label, String name, List<String> branches, String selected) {
        var options = new StringBuilder("<option value=\"\">Choose a branch</option>");
        for (String b : branches) {
            options.append("<option").append(b.equals(selected) ? " selected" : "").append(" value=\"").append(Html.esc(b)).append("\">")
                    .append(Html.esc(b)).append("</option>");
        }
        return "<label>" + label + " <select name=\"" + name + "\" required>" + options + "</select></label>";
    }

    private static String alert(String error) {
        return error == null ? "" : "<p class=\"alert\" role=\"alert\">" + Html.esc(error) + "</p>";
    }

    private static String text(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
