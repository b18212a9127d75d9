package dev.sluice.cli.run;

import dev.sluice.engine.Job;
import dev.sluice.engine.Pipeline;
import dev.sluice.model.JobStatus;
import dev.sluice.model.PipelineStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The end of a local run: a table of jobs (child pipelines' jobs under their trigger job) and the pipeline's status. */
public final class RunSummary {

    private RunSummary() {
    }

    /** GitLab's words for a finished pipeline: passed, passed with warnings, failed, blocked, canceled... */
    public static String status(Pipeline pipeline) {
        return switch (pipeline.status()) {
            case SUCCESS -> pipeline.warnings() ? "passed with warnings" : "passed";
            case MANUAL -> "blocked";
            case FAILED -> "failed";
            case CANCELED, CANCELING -> "canceled";
            case SKIPPED -> "skipped";
            default -> pipeline.status().yaml();
        };
    }

    public static void print(RunConsole console, Dispatcher top) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"JOB", "STAGE", "STATUS", "DURATION"});
        addRows(rows, top, "");
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        console.line("");
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                String cell = row[i] + " ".repeat(widths[i] - row[i].length());
                line.append(i == 2 && r > 0 ? console.paint(colour(row[i]), cell) : cell).append(i < 3 ? "  " : "");
            }
            console.line(r == 0 ? console.bold(line.toString().stripTrailing()) : line.toString().stripTrailing());
        }
        Pipeline pipeline = top.pipeline();
        String word = status(pipeline);
        console.line("");
        console.line(console.bold("Pipeline #" + pipeline.id() + " " + console.paint(colour(word), word)));
        List<String> manual = pipeline.latestJobs().stream().filter(j -> j.status() == JobStatus.MANUAL).map(Job::name).toList();
        if (!manual.isEmpty()) {
            console.line("Manual jobs waiting: " + String.join(", ", manual) + " (run them with --manual JOB)");
        }
    }

    private static void addRows(List<String[]> rows, Dispatcher dispatcher, String indent) {
        for (Job job : dispatcher.pipeline().latestJobs()) {
            rows.add(new String[] {indent + job.name(), job.stage(), jobStatus(job), duration(job).map(RunSummary::format).orElse("")});
            dispatcher.children().stream().filter(c -> c.triggerJob().equals(job.name()) && c.dispatcher().pipeline() != null)
                    .forEach(c -> addRows(rows, c.dispatcher(), indent + "  "));
        }
    }

    public static String jobStatus(Job job) {
        String status = job.status().yaml();
        if (job.status() == JobStatus.FAILED && job.allowedToFail()) {
            return status + " (allowed)";
        }
        return job.attempt() > 1 ? status + " (attempt " + job.attempt() + ")" : status;
    }

    public static Optional<Duration> duration(Job job) {
        if (job.startedAt().isEmpty() || job.finishedAt().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(job.startedAt().get(), job.finishedAt().get()));
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms < 60_000 ? String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0)
                : (ms / 60_000) + "m" + String.format(java.util.Locale.ROOT, "%02d", (ms / 1000) % 60) + "s";
    }

    private static String colour(String status) {
        if (status.startsWith("passed with") || status.contains("allowed")) {
            return "33";
        }
        if (status.startsWith("success") || status.equals("passed")) {
            return "32";
        }
        if (status.startsWith("failed")) {
            return "31";
        }
        return status.startsWith("manual") || status.equals("blocked") ? "36" : "90";
    }

    static boolean succeeded(Pipeline pipeline) {
        return pipeline.status() == PipelineStatus.SUCCESS;
    }
}
