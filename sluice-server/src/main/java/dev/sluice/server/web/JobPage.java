package dev.sluice.server.web;

import dev.sluice.server.web.Views.JobView;
import dev.sluice.server.web.Views.ProjectView;
import java.time.Instant;
import java.util.List;

/** A job: its header (status, runner, duration, actions) and its log, tail first, followed live. */
final class JobPage {

    private JobPage() {
    }

    /** @param artifacts the artifacts' file names, listed when the viewer may read the code, else null */
    static String page(Viewer viewer, boolean mayRun, ProjectView project, JobView job, LogSlices.Slice tail, List<String> artifacts) {
        long nextLine = tail.firstLine() + lineCount(tail.text());
        String content = """
                <div hx-ext="sse" sse-connect="%s/live?from=%d&amp;line=%d">
                <div id="job-live" sse-swap="job">%s</div>
                <div class="log-tools"><label><input type="checkbox" id="follow" checked> Follow the log</label>
                <a class="btn" href="%s/raw">Raw</a></div>
                %s<div class="log" id="log" sse-swap="log" hx-swap="beforeend" role="log" aria-label="Job log">%s%s</div>
                </div>
                """.formatted(Urls.job(job.id()), tail.end(), nextLine, header(viewer, mayRun, job, Instant.now()), Urls.job(job.id()),
                artifacts(job.id(), artifacts),
                earlier(job.id(), tail.start()), LogRenderer.render(tail.text(), tail.firstLine()));
        return Layout.page(viewer, job.name() + " #" + job.id(), content, Layout.link("/-/projects", "Projects"),
                Layout.link(Urls.project(project.id()), project.path()),
                Layout.link(Urls.pipeline(job.pipelineId()), "#" + job.pipelineId()),
                Layout.link(Urls.job(job.id()), job.name()));
    }

    /** The job's header, pushed again whenever its pipeline changes. */
    static String header(Viewer viewer, boolean mayRun, JobView job, Instant now) {
        String duration = Views.format(job.duration(now));
        return ("""
                <div class="job-head">%s<h1>%s</h1><span class="muted">job #%d · stage %s</span>
                <div class="actions">%s</div></div>
                <dl class="facts"><dt>Runner</dt><dd>%s</dd><dt>Duration</dt><dd>%s</dd><dt>Attempts</dt><dd>%d</dd>%s</dl>
                """).formatted(Status.badge(job.status()), Html.esc(job.name()), job.id(), Html.esc(job.stage()),
                PipelinePage.jobAction(viewer, mayRun, job), job.runnerId() == null ? "—" : "#" + job.runnerId(),
                duration.isEmpty() ? "—" : duration, job.attempts(),
                job.failureReason() == null ? "" : "<dt>Failure</dt><dd>" + Html.esc(job.failureReason()) + "</dd>")
                .replace("\n", "");
    }

    private static String artifacts(long jobId, List<String> files) {
        if (files == null || files.isEmpty()) {
            return "";
        }
        var items = new StringBuilder();
        for (String f : files) {
            items.append("<li><code>").append(Html.esc(f)).append("</code></li>");
        }
        return "<section class=\"panel artifacts\"><h2>Artifacts <a class=\"more\" href=\"" + Urls.job(jobId)
                + "/artifacts.zip\" download>Download artifacts.zip</a></h2><ul>" + items + "</ul></section>";
    }

    /** The log before {@code start}, fetched on demand, itself preceded by a button for what lies before. */
    static String earlier(long jobId, long start) {
        if (start == 0) {
            return "";
        }
        return "<button type=\"button\" class=\"btn earlier\" hx-get=\"%s/log?before=%d\" hx-swap=\"outerHTML\">Load earlier lines</button>"
                .formatted(Urls.job(jobId), start);
    }

    static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int n = (int) text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? n : n + 1;
    }
}
