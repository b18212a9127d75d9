package dev.sluice.server.web;

import dev.sluice.server.web.Views.PipelineView;
import dev.sluice.server.web.Views.ProjectView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The projects list, a project's page and its pipelines list. */
final class ProjectPages {

    static final List<String> STATUSES = List.of("created", "pending", "running", "success", "failed", "canceled",
            "skipped", "manual");
    /** The sources the list filter offers: the ones Sluice creates pipelines for. */
    static final List<String> SOURCES = List.of("push", "merge_request_event", "api");

    /** The pipelines list's filters as asked; a null or blank one does not filter. */
    record ListFilter(String ref, String status, String source) {
    }

    private ProjectPages() {
    }

    static String projects(Viewer viewer, List<ProjectView> projects) {
        var rows = new StringBuilder();
        for (ProjectView p : projects) {
            rows.append("<li class=\"item\"><a class=\"title\" href=\"").append(Urls.project(p.id())).append("\">")
                    .append(Html.esc(p.name())).append("</a><span class=\"muted\">").append(Html.esc(p.path()))
                    .append("</span>").append(p.lastStatus() == null ? "" : Status.badge(p.lastStatus())).append("</li>");
        }
        String body = projects.isEmpty()
                ? "<p class=\"empty\">No projects yet. Create one with <code>POST /api/v4/projects</code>.</p>"
                : "<ul class=\"list\">" + rows + "</ul>";
        return Layout.page(viewer, "Projects", "<h1>Projects</h1>" + body, Layout.link("/-/projects", "Projects"));
    }

    static String project(Viewer viewer, boolean mayManage, ProjectView p, List<String> branches, List<PipelineView> recent, String serverUrl) {
        var b = new StringBuilder();
        for (String branch : branches) {
            b.append("<li><a href=\"").append(Urls.pipelines(p.id())).append("?ref=").append(enc(branch)).append("\">")
                    .append(Html.esc(branch)).append("</a>")
                    .append(branch.equals(p.defaultBranch()) ? " <span class=\"tag\">default</span>" : "").append("</li>");
        }
        String clone = serverUrl + "/" + p.path() + ".git";
        String content = """
                <h1>%s</h1>%s
                <section class="panel"><h2>Clone</h2>
                <label class="clone">HTTP <input readonly value="%s" aria-label="Clone URL" onfocus="this.select()"></label>
                <p class="muted">Pipeline badge: <img src="%s" alt="pipeline status of %s"></p></section>
                <div class="split">
                <section class="panel"><h2>Branches</h2><ul class="branches">%s</ul></section>
                <section class="panel grow"><h2>Recent pipelines <a class="more" href="%s">all pipelines</a></h2>%s</section>
                </div>
                """.formatted(Html.esc(p.name()),
                "<p class=\"project-links\"><a class=\"btn\" href=\"" + Urls.mergeRequests(p.id()) + "\">Merge requests</a>"
                        + (mayManage ? " <a class=\"btn\" href=\"" + Urls.settings(p.id()) + "\">CI/CD settings</a>" : "") + "</p>", Html.esc(clone), Html.esc(Urls.badge(p.path(), p.defaultBranch())),
                Html.esc(p.defaultBranch()), b.isEmpty() ? "<li class=\"muted\">no branches</li>" : b,
                Urls.pipelines(p.id()), table(recent, Instant.now()));
        return Layout.page(viewer, p.name(), content, Layout.link("/-/projects", "Projects"), Layout.link(Urls.project(p.id()), p.path()));
    }

    static String pipelines(Viewer viewer, ProjectView p, WebReads.Page<PipelineView> page, ListFilter f, int number) {
        String filter = """
                <form class="filters" method="get" role="search" aria-label="Filter pipelines">
                <label>Ref <input name="ref" value="%s" placeholder="main"></label>
                <label>Status <select name="status">%s</select></label>
                <label>Source <select name="source">%s</select></label>
                <button class="btn">Filter</button></form>
                """.formatted(Html.esc(orEmpty(f.ref())), options("any status", STATUSES, f.status()), options("any source", SOURCES, f.source()));
        String query = "ref=" + enc(orEmpty(f.ref())) + "&status=" + enc(orEmpty(f.status())) + "&source=" + enc(orEmpty(f.source()))
                + "&page=";
        var pager = new StringBuilder("<nav class=\"pager\" aria-label=\"Pages\">");
        if (number > 1) {
            pager.append("<a rel=\"prev\" href=\"?").append(Html.esc(query)).append(number - 1).append("\">← Newer</a>");
        }
        pager.append("<span>Page ").append(number).append("</span>");
        if (page.more()) {
            pager.append("<a rel=\"next\" href=\"?").append(Html.esc(query)).append(number + 1).append("\">Older →</a>");
        }
        pager.append("</nav>");
        String content = "<h1>Pipelines</h1>" + filter + table(page.items(), Instant.now()) + pager;
        return Layout.page(viewer, "Pipelines · " + p.name(), content, Layout.link("/-/projects", "Projects"),
                Layout.link(Urls.project(p.id()), p.path()), Layout.link(Urls.pipelines(p.id()), "Pipelines"));
    }

    /** Pipelines as table rows. */
    static String table(List<PipelineView> pipelines, Instant now) {
        if (pipelines.isEmpty()) {
            return "<p class=\"empty\">No pipelines.</p>";
        }
        var rows = new StringBuilder();
        for (PipelineView p : pipelines) {
            rows.append("<tr><td>").append(Status.badge(p.status())).append("</td><td><a href=\"")
                    .append(Urls.pipeline(p.id())).append("\">#").append(p.id()).append("</a>")
                    .append(p.errors() == null ? "" : " <span class=\"tag warn\">yaml invalid</span>")
                    .append("</td><td><span class=\"ref\">").append(Html.esc(p.ref())).append("</span></td><td><code>")
                    .append(Html.esc(shortSha(p.sha()))).append("</code></td><td class=\"source\">").append(Html.esc(p.source())).append("</td><td>")
                    .append(Views.format(p.duration(now))).append("</td></tr>");
        }
        return """
                <div class="scroll"><table class="pipelines"><thead><tr><th>Status</th><th>Pipeline</th><th>Ref</th>
                <th>Commit</th><th>Source</th><th>Duration</th></tr></thead><tbody>%s</tbody></table></div>
                """.formatted(rows);
    }

    private static String options(String any, List<String> values, String selected) {
        var options = new StringBuilder("<option value=\"\">" + any + "</option>");
        for (String v : values) {
            options.append("<option").append(v.equals(selected) ? " selected" : "").append('>').append(v).append("</option>");
        }
        return options.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String shortSha(String sha) {
        return sha.length() > 8 ? sha.substring(0, 8) : sha;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
