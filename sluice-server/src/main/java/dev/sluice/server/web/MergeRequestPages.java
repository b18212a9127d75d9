package dev.sluice.server.web;

import dev.sluice.server.web.MergeRequestControl.Detail;
import dev.sluice.server.web.Views.ProjectView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A project's merge requests: the list, filtered by state, and one merge request's page with its actions. */
final class MergeRequestPages {

    static final List<String> STATES = List.of("opened", "merged", "closed", "all");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private MergeRequestPages() {
    }

    /** @param mayOpen the viewer may open merge requests: the list offers the form */
    static String list(Viewer viewer, ProjectView p, MergeRequestControl.Listing listing, String state, int number, boolean mayOpen) {
        var tabs = new StringBuilder("<nav class=\"tabs\" aria-label=\"State\">");
        for (String s : STATES) {
            tabs.append("<a href=\"?state=").append(s).append("\"").append(s.equals(state) ? " aria-current=\"page\"" : "").append('>')
                    .append(s.equals("opened") ? "Open" : Character.toUpperCase(s.charAt(0)) + s.substring(1)).append("</a>");
        }
        tabs.append("</nav>");
        var items = new StringBuilder();
        for (var mr : listing.items()) {
            items.append("<li class=\"item\"><a class=\"title\" href=\"").append(Urls.mergeRequest(p.id(), mr.iid())).append("\">")
                    .append(Html.esc(mr.title())).append("</a><span class=\"muted\">!").append(mr.iid()).append(" by ")
                    .append(Html.esc(mr.author())).append("</span><span class=\"ref\">").append(Html.esc(mr.sourceBranch()))
                    .append("</span>→<span class=\"ref\">").append(Html.esc(mr.targetBranch())).append("</span>")
                    .append(state(mr.state())).append("</li>");
        }
        var pager = new StringBuilder("<nav class=\"pager\" aria-label=\"Pages\">");
        if (number > 1) {
            pager.append("<a rel=\"prev\" href=\"?state=").append(state).append("&amp;page=").append(number - 1).append("\">← Newer</a>");
        }
        pager.append("<span>Page ").append(number).append("</span>");
        if (listing.more()) {
            pager.append("<a rel=\"next\" href=\"?state=").append(state).append("&amp;page=").append(number + 1).append("\">Older →</a>");
        }
        pager.append("</nav>");
        String open = mayOpen ? "<a class=\"btn primary\" href=\"" + Urls.mergeRequests(p.id()) + "/new\">New merge request</a>" : "";
        String content = "<div class=\"mr-head\"><h1>Merge requests</h1>" + open + "</div>" + tabs + (items.isEmpty() ? "<p class=\"empty\">No merge requests.</p>"
                : "<ul class=\"list mrs\">" + items + "</ul>") + pager;
        return Layout.page(viewer, "Merge requests · " + p.name(), content, Layout.link("/-/projects", "Projects"),
                Layout.link(Urls.project(p.id()), p.path()), Layout.link(Urls.mergeRequests(p.id()), "Merge requests"));
    }

    /** @param mayWrite the viewer may edit, close and reopen it */
    static String page(Viewer viewer, ProjectView p, Detail mr, boolean mayWrite) {
        String href = Urls.mergeRequest(p.id(), mr.iid());
        String header = """
                <div class="mr-head">%s<h1>%s <span class="muted">!%d</span></h1></div>
                <p class="muted">Opened by <strong>%s</strong> %s · <span class="ref">%s</span> → <span class="ref">%s</span></p>
                """.formatted(state(mr.state()), Html.esc(mr.title()), mr.iid(), Html.esc(mr.author()), time(mr.created()),
                Html.esc(mr.sourceBranch()), Html.esc(mr.targetBranch()));
        String description = mr.description().isBlank() ? "<p class=\"muted\">No description.</p>"
                : "<div class=\"description\">" + Html.esc(mr.description()) + "</div>";
        String content = header + (mayWrite ? controls(viewer, href, mr) : "") + "<section class=\"panel\" aria-label=\"Description\">" + description + "</section>"
                + "<div class=\"split\">" + merge(viewer, href, Urls.pipelines(p.id()) + "?ref=" + ProjectPages.enc(mr.targetBranch()), mr) + approvals(viewer, href, mr) + "</div>"
                + pipelines(mr.pipelines())
                + "<section class=\"panel\"><h2>Commits (" + mr.commits().size() + ")</h2>" + commits(mr.commits()) + "</section>"
                + "<section class=\"panel\"><h2>Changes</h2>" + DiffView.render(mr.diff()) + "</section>"
                + notes(viewer, href, mr.notes());
        return Layout.page(viewer, mr.title() + " · !" + mr.iid(), content, Layout.link("/-/projects", "Projects"),
                Layout.link(Urls.project(p.id()), p.path()), Layout.link(Urls.mergeRequests(p.id()), "Merge requests"),
                Layout.link(href, "!" + mr.iid()));
    }

    /** Edit, and close or reopen; a merged merge request stays as it is, as the REST API keeps it. */
    private static String controls(Viewer viewer, String href, Detail mr) {
        String state = switch (mr.state()) {
            case "opened" -> Layout.action(viewer, href + "/close", "Close", "Close merge request", "danger");
            case "closed" -> Layout.action(viewer, href + "/reopen", "Reopen", "Reopen merge request", "");
            default -> "";
        };
        return "<div class=\"mr-actions\"><a class=\"btn\" href=\"" + Html.esc(href) + "/edit\">Edit</a> " + state + "</div>";
    }

    /** The comments, oldest first, and a form to add one: whoever may read the merge request may comment. */
    private static String notes(Viewer viewer, String href, List<MergeRequestControl.Note> notes) {
        var items = new StringBuilder();
        for (var n : notes) {
            items.append("<li class=\"note\"><p class=\"muted\"><strong>").append(Html.esc(n.author())).append("</strong> ")
                    .append(time(n.at())).append("</p><div class=\"description\">").append(Html.esc(n.body())).append("</div></li>");
        }
        return "<section class=\"panel notes\" aria-label=\"Comments\"><h2>Comments (" + notes.size() + ")</h2>"
                + (notes.isEmpty() ? "<p class=\"muted\">No comments yet.</p>" : "<ul class=\"note-list\">" + items + "</ul>")
                + "<form method=\"post\" action=\"" + Html.esc(href) + "/notes\" class=\"stack\">" + viewer.csrfField()
                + "<label>Comment <textarea name=\"body\" class=\"field\" rows=\"4\" required></textarea></label>"
                + "<div><button class=\"btn primary\">Comment</button></div></form></section>";
    }

    /** The merge panel: who merged it, or the button, enabled only when the gate lets the viewer merge. */
    private static String merge(Viewer viewer, String href, String targetPipelines, Detail mr) {
        if (mr.state().equals("merged")) {
            return "<section class=\"panel merge merged\" aria-label=\"Merge\"><h2>Merged</h2><p>Merged by <strong>"
                    + Html.esc(mr.mergedBy()) + "</strong> at " + time(mr.mergedAt()) + "</p><p>"
                    + (mr.mergeCommit() == null ? "Fast-forwarded to <code>" + Html.esc(ProjectPages.shortSha(mr.head()))
                    : "Merge commit <code>" + Html.esc(ProjectPages.shortSha(mr.mergeCommit()))) + "</code></p><p><a href=\""
                    + Html.esc(targetPipelines) + "\">Pipelines of " + Html.esc(mr.targetBranch()) + "</a></p></section>";
        }
        var missing = new StringBuilder();
        if (!mr.mayMerge()) {
            missing.append("<li>you may not merge into ").append(Html.esc(mr.targetBranch())).append("</li>");
        }
        mr.blockers().forEach(b -> missing.append("<li>").append(Html.esc(b)).append("</li>"));
        boolean ready = missing.isEmpty();
        String button = "<form method=\"post\" action=\"" + Html.esc(href) + "/merge\" class=\"inline\">" + viewer.csrfField()
                + "<input type=\"hidden\" name=\"sha\" value=\"" + Html.esc(mr.head()) + "\"><button class=\"btn primary\""
                + (ready ? "" : " disabled aria-describedby=\"merge-missing\"") + ">Merge</button></form>";
        return "<section class=\"panel merge\" aria-label=\"Merge\"><h2>Merge</h2>" + (ready
                ? "<p>Ready to merge into <span class=\"ref\">" + Html.esc(mr.targetBranch()) + "</span>.</p>"
                : "<p>Cannot be merged yet:</p><ul id=\"merge-missing\" class=\"missing\">" + missing + "</ul>") + button + "</section>";
    }

    private static String approvals(Viewer viewer, String href, Detail mr) {
        String who = mr.approvedBy().isEmpty() ? "<p class=\"muted\">No approvals yet.</p>"
                : "<p>Approved by " + String.join(", ", mr.approvedBy().stream().map(u -> "<strong>" + Html.esc(u) + "</strong>").toList()) + "</p>";
        String left = mr.approvalsLeft() == 0 ? "" : "<p class=\"muted\">" + mr.approvalsLeft() + " of " + mr.approvalsRequired()
                + " approval" + (mr.approvalsRequired() == 1 ? "" : "s") + " left</p>";
        String action = "";
        if (mr.state().equals("opened") && mr.viewerApproved()) {
            action = Layout.action(viewer, href + "/unapprove", "Revoke approval", "Revoke approval", "");
        } else if (mr.mayApprove()) {
            action = "<form method=\"post\" action=\"" + Html.esc(href) + "/approve\" class=\"inline\">" + viewer.csrfField()
                    + "<input type=\"hidden\" name=\"sha\" value=\"" + Html.esc(mr.head()) + "\"><button class=\"btn\">Approve</button></form>";
        }
        return "<section class=\"panel approvals\" aria-label=\"Approvals\"><h2>Approvals</h2>" + who + left + action + "</section>";
    }

    private static String pipelines(List<MergeRequestControl.Pipeline> pipelines) {
        if (pipelines.isEmpty()) {
            return "<section class=\"panel\"><h2>Pipelines</h2><p class=\"muted\">No pipelines.</p></section>";
        }
        var rows = new StringBuilder();
        for (var p : pipelines) {
            rows.append("<tr><td>").append(Status.badge(p.status())).append("</td><td><a href=\"").append(Urls.pipeline(p.id()))
                    .append("\">#").append(p.id()).append("</a></td><td><span class=\"ref\">").append(Html.esc(p.ref()))
                    .append("</span></td><td><code>").append(Html.esc(ProjectPages.shortSha(p.sha()))).append("</code></td></tr>");
        }
        return "<section class=\"panel\"><h2>Pipelines</h2><div class=\"scroll\"><table class=\"pipelines\"><thead><tr><th>Status</th>"
                + "<th>Pipeline</th><th>Ref</th><th>Commit</th></tr></thead><tbody>" + rows + "</tbody></table></div></section>";
    }

    private static String commits(List<MergeRequestControl.Commit> commits) {
        if (commits.isEmpty()) {
            return "<p class=\"muted\">No commits.</p>";
        }
        var items = new StringBuilder("<ul class=\"commits\">");
        for (var c : commits) {
            items.append("<li><code>").append(Html.esc(ProjectPages.shortSha(c.sha()))).append("</code> ").append(Html.esc(c.subject()))
                    .append(" <span class=\"muted\">").append(Html.esc(c.author())).append(", ").append(time(c.at())).append("</span></li>");
        }
        return items.append("</ul>").toString();
    }

    private static String state(String state) {
        return "<span class=\"tag mr-" + Html.esc(state) + "\" data-state=\"" + Html.esc(state) + "\">" + Html.esc(state) + "</span>";
    }

    private static String time(Instant at) {
        return at == null ? "" : "<time datetime=\"" + at + "\">" + TIME.format(at) + "</time>";
    }
}
