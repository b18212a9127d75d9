package dev.sluice.server.web;

import dev.sluice.server.web.Views.JobView;
import dev.sluice.server.web.Views.PipelineView;
import dev.sluice.server.web.Views.ProjectView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pipeline: its header, the YAML errors of an invalid configuration, the stage graph of job cards. */
final class PipelinePage {

    private PipelinePage() {
    }

    /** @param mayRun whether the viewer may play, retry and cancel (else no such button is shown) */
    static String page(Viewer viewer, boolean mayRun, ProjectView project, PipelineView p, List<JobView> jobs, Control.Layout layout) {
        String content = """
                <div hx-ext="sse" sse-connect="%s/live"><div id="pipeline-live" sse-swap="pipeline">%s</div></div>
                """.formatted(Urls.pipeline(p.id()), live(viewer, mayRun, p, jobs, layout, Instant.now()));
        return Layout.page(viewer, "Pipeline #" + p.id(), content, Layout.link("/-/projects", "Projects"),
                Layout.link(Urls.project(project.id()), project.path()), Layout.link(Urls.pipelines(project.id()), "Pipelines"),
                Layout.link(Urls.pipeline(p.id()), "#" + p.id()));
    }

    /** The part that changes while the pipeline runs, pushed whole on every change: one line, as SSE data. */
    static String live(Viewer viewer, boolean mayRun, PipelineView p, List<JobView> jobs, Control.Layout layout, Instant now) {
        var actions = new StringBuilder();
        if (mayRun && !Status.finished(p.status()) && p.errors() == null) {
            actions.append(Layout.action(viewer, Urls.pipeline(p.id()) + "/cancel", "Cancel pipeline", "Cancel pipeline", "danger"));
        }
        if (mayRun && jobs.stream().anyMatch(j -> j.status().equals("failed") || j.status().equals("canceled"))) {
            actions.append(Layout.action(viewer, Urls.pipeline(p.id()) + "/retry", "Retry failed jobs", "Retry pipeline", ""));
        }
        String header = """
                <div class="pipeline-head">%s<h1>Pipeline #%d</h1><span class="ref">%s</span><code>%s</code>
                <span class="muted"><span class="source">%s</span> %s%s</span><div class="actions">%s</div></div>
                """.formatted(Status.badge(p.status()), p.id(), Html.esc(p.ref()), Html.esc(ProjectPages.shortSha(p.sha())),
                Html.esc(p.source()), p.triggeredBy() == null ? "" : "triggered by " + Html.esc(p.triggeredBy()) + " ",
                p.started() == null ? "" : "duration " + Views.format(p.duration(now)), actions);
        String body = p.errors() != null ? errors(p.errors()) : graph(viewer, mayRun, jobs, layout, now);
        return (header + body).replace("\n", "");
    }

    private static String errors(String errors) {
        var items = new StringBuilder();
        for (String line : errors.split("\n")) {
            items.append("<li><code>").append(Html.esc(line)).append("</code></li>");
        }
        return "<section class=\"errors\" role=\"alert\"><h2>This pipeline's configuration is invalid</h2><ul>" + items
                + "</ul></section>";
    }

    private static String graph(Viewer viewer, boolean mayRun, List<JobView> jobs, Control.Layout layout, Instant now) {
        Map<String, List<JobView>> byStage = new LinkedHashMap<>();
        layout.stages().forEach(s -> byStage.put(s, new ArrayList<>()));
        for (JobView j : jobs) {
            byStage.computeIfAbsent(j.stage(), s -> new ArrayList<>()).add(j);
        }
        var out = new StringBuilder("<div class=\"graph\" role=\"list\" aria-label=\"Stages\">");
        for (var stage : byStage.entrySet()) {
            if (stage.getValue().isEmpty()) {
                continue;
            }
            out.append("<section class=\"stage\" role=\"listitem\"><h2>").append(Html.esc(stage.getKey())).append("</h2><ul>");
            for (JobView j : stage.getValue()) {
                card(viewer, mayRun, out, j, layout.needs().get(j.name()), now);
            }
            out.append("</ul></section>");
        }
        return out.append("</div>").toString();
    }

    private static void card(Viewer viewer, boolean mayRun, StringBuilder out, JobView j, List<String> needs, Instant now) {
        out.append("<li class=\"card s-").append(Html.esc(j.status())).append("\" id=\"job-").append(j.id())
                .append("\" data-name=\"").append(Html.esc(j.name())).append("\" data-status=\"").append(Html.esc(j.status()))
                .append("\"><div class=\"row\">").append(Status.icon(j.status())).append("<a class=\"name\" href=\"")
                .append(Urls.job(j.id())).append("\">").append(Html.esc(j.name())).append("</a>")
                .append(jobAction(viewer, mayRun, j)).append("</div><div class=\"meta\">");
        String duration = Views.format(j.duration(now));
        out.append(duration.isEmpty() ? Html.esc(j.status()) : duration);
        if (j.attempts() > 1) {
            out.append(" · <span title=\"retried\">↻ ").append(j.attempts() - 1).append("</span>");
        }
        out.append("</div>");
        if (needs != null) {
            out.append("<div class=\"needs\">needs: ").append(needs.isEmpty() ? "none" : Html.esc(String.join(", ", needs)))
                    .append("</div>");
        }
        out.append("</li>");
    }

    /** The one action that fits the job's status, as a small round button; none for who may not run jobs. */
    static String jobAction(Viewer viewer, boolean mayRun, JobView j) {
        if (!mayRun) {
            return "";
        }
        String base = Urls.job(j.id());
        return switch (j.status()) {
            case "manual" -> Layout.action(viewer, base + "/play", "▶", "Play " + j.name(), "round play");
            case "failed", "canceled", "success" -> Layout.action(viewer, base + "/retry", "↻", "Retry " + j.name(), "round");
            case "pending", "running" -> Layout.action(viewer, base + "/cancel", "⊘", "Cancel " + j.name(), "round");
            default -> "";
        };
    }
}
