package dev.sluice.cli.run;

import dev.sluice.config.model.Need;
import dev.sluice.config.model.When;
import dev.sluice.engine.PlannedJob;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code --list} and {@code --dry-run}: the planned jobs as a table, without running anything. */
public final class PlanTable {

    private PlanTable() {
    }

    /** {@code --list}: job, stage, when, needs, allow_failure. */
    public static void list(PrintWriter out, List<PlannedJob> jobs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"JOB", "STAGE", "WHEN", "NEEDS", "ALLOW_FAILURE"});
        for (PlannedJob job : jobs) {
            rows.add(new String[] {job.name(), job.definition().stage(), when(job), needs(job), allowFailure(job)});
        }
        print(out, rows);
    }

    /** {@code --dry-run}: per job, what the run would do with it. */
    public static void dryRun(PrintWriter out, List<String> stages, List<PlannedJob> jobs, Set<String> manual) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"JOB", "STAGE", "WOULD"});
        for (String stage : stages) {
            for (PlannedJob job : jobs) {
                if (job.definition().stage().equals(stage)) {
                    rows.add(new String[] {job.name(), stage, would(job, manual)});
                }
            }
        }
        print(out, rows);
    }

    private static String would(PlannedJob job, Set<String> manual) {
        String what = job.definition().isTrigger() ? "trigger a child pipeline" : "run";
        return switch (job.when()) {
            case MANUAL -> manual.contains(job.name()) ? what + " (manual, played by --manual)"
                    : "wait for a manual play" + (job.allowFailure().allowed() ? "" : " (blocks the pipeline)");
            case DELAYED -> what + " after " + job.startIn().map(d -> d.toSeconds() + "s").orElse("?");
            case ON_FAILURE -> what + " only if an earlier job fails";
            case ALWAYS -> what + " whatever earlier jobs do";
            default -> what + (job.needs().map(n -> n.isEmpty() ? " at once (needs: [])" : " after " + needs(job)).orElse(""));
        };
    }

    private static String when(PlannedJob job) {
        return job.when() == When.DELAYED
                ? "delayed " + job.startIn().map(d -> d.toSeconds() + "s").orElse("")
                : job.when().name().toLowerCase(Locale.ROOT);
    }

    private static String needs(PlannedJob job) {
        return job.needs().map(n -> n.isEmpty() ? "[]" : n.stream().map(Need::job).collect(Collectors.joining(", "))).orElse("");
    }

    private static String allowFailure(PlannedJob job) {
        if (!job.allowFailure().exitCodes().isEmpty()) {
            return "exit codes " + job.allowFailure().exitCodes();
        }
        return Boolean.toString(job.allowFailure().allowed());
    }

    private static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
