package dev.sluice.cli.gcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one recorded gitlab-ci-local run with Sluice's run of the same case: the jobs that ran and
 * their final statuses, the exit code (zero or not), and each job's lines ({@code $ cmd} and
 * {@code > output}, in order). Job names are compared in GitLab's spelling (see {@link GclNames}).
 */
final class GclComparison {

    /** A job of Sluice's report; {@code status} is GitLab's job status. */
    record ActualJob(String name, String status, boolean allowFailure) {
    }

    /** What Sluice did: exit code, jobs by name, and each job's script lines. */
    record Actual(int exitCode, Map<String, ActualJob> jobs, Map<String, List<String>> lines) {
    }

    private static final String DID_NOT_RUN = "did not run";
    private static final Set<String> RAN = Set.of("success", "failed", "warning");

    private GclComparison() {
    }

    /** Every difference, one line each; empty when Sluice agrees with the reference. */
    static List<String> differences(GclRun expected, Actual actual) {
        List<String> out = new ArrayList<>();
        if ((expected.exitCode() == 0) != (actual.exitCode() == 0)) {
            out.add("exit code: expected " + expected.exitCode() + ", Sluice " + actual.exitCode());
        }
        Map<String, String> want = new LinkedHashMap<>();
        Map<String, List<String>> wantLines = new LinkedHashMap<>();
        expected.jobs().forEach((name, status) -> want.put(GclNames.toSluice(name), expectedStatus(status)));
        expected.lines().forEach((name, lines) -> wantLines.put(GclNames.toSluice(name), lines));
        Set<String> names = new LinkedHashSet<>(want.keySet());
        names.addAll(actual.jobs().keySet());
        for (String name : names) {
            String w = want.getOrDefault(name, DID_NOT_RUN);
            ActualJob job = actual.jobs().get(name);
            String a = job == null ? DID_NOT_RUN : actualStatus(job);
            if (!w.equals(a)) {
                out.add("job '" + name + "': expected " + w + ", Sluice " + a
                        + (job == null ? "" : " (" + job.status() + (job.allowFailure() ? ", allow_failure" : "") + ")"));
            } else if (RAN.contains(w)) {
                lineDifference(name, wantLines.getOrDefault(name, List.of()), actual.lines().getOrDefault(name, List.of()))
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The echoed commands must be the same, in order; between two of them, the reference's output lines
     * must appear in Sluice's, in order. Sluice may have more: the reference recorded only the tool's
     * stdout, where a job's stderr never went, while a job log (GitLab's and Sluice's) holds both.
     */
    private static java.util.Optional<String> lineDifference(String job, List<String> want, List<String> got) {
        List<List<String>> w = blocks(want);
        List<List<String>> g = blocks(got);
        for (int i = 0; i < Math.max(w.size(), g.size()); i++) {
            if (i >= w.size() || i >= g.size() || !w.get(i).getFirst().equals(g.get(i).getFirst())) {
                return java.util.Optional.of("job '" + job + "' command " + i + ": expected "
                        + (i < w.size() ? "'" + w.get(i).getFirst() + "'" : "no more commands") + ", Sluice "
                        + (i < g.size() ? "'" + g.get(i).getFirst() + "'" : "no more commands"));
            }
            var missing = notInOrder(w.get(i), g.get(i));
            if (missing.isPresent()) {
                return java.util.Optional.of("job '" + job + "' after '" + w.get(i).getFirst() + "': expected '"
                        + missing.get() + "', Sluice printed " + g.get(i).subList(1, g.get(i).size()));
            }
        }
        return java.util.Optional.empty();
    }

    /** Lines grouped by command: each block starts with its {@code $ cmd} (or "" for output before any). */
    private static List<List<String>> blocks(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        for (String raw : lines) {
            String line = normalise(raw);
            if (line.startsWith("$") || out.isEmpty()) {
                out.add(new ArrayList<>(List.of(line.startsWith("$") ? line : "")));
            }
            if (!line.startsWith("$")) {
                out.getLast().add(line);
            }
        }
        return out;
    }

    private static java.util.Optional<String> notInOrder(List<String> want, List<String> got) {
        int j = 1;
        for (String line : want.subList(1, want.size())) {
            while (j < got.size() && !got.get(j).equals(line)) {
                j++;
            }
            if (j == got.size()) {
                return java.util.Optional.of(line);
            }
            j++;
        }
        return java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern LS_LONG = java.util.regex.Pattern.compile(
            "> ([-dlcbps])[rwxsStT-]{9}[.+@]?\\s+\\d+\\s+\\S+\\s+\\S+\\s+\\d+\\s+\\w{3}\\s+\\d+\\s+(\\d\\d:\\d\\d|\\d{4})\\s(.*)");
    private static final java.util.regex.Pattern LS_TOTAL = java.util.regex.Pattern.compile("> total \\d+");

    /**
     * Trailing blanks dropped; {@code ls -l} lines reduced to type and name: modes, owners, sizes and dates
     * belong to the machine and the moment of the recording (umask, file system, clock), not to the pipeline.
     */
    static String normalise(String line) {
        String s = line.stripTrailing();
        var ls = LS_LONG.matcher(s);
        if (ls.matches()) {
            return "> " + ls.group(1) + " " + ls.group(3);
        }
        return LS_TOTAL.matcher(s).matches() ? "> total" : s;
    }

    /** gitlab-ci-local's {@code skipped} (rules, when: never) and {@code not_run} are both jobs that did not run. */
    private static String expectedStatus(String gcl) {
        return switch (gcl) {
            case "success", "failed", "warning", "manual" -> gcl;
            default -> DID_NOT_RUN;
        };
    }

    private static String actualStatus(ActualJob job) {
        return switch (job.status()) {
            case "success" -> "success";
            case "failed" -> job.allowFailure() ? "warning" : "failed";
            case "manual" -> "manual";
            default -> DID_NOT_RUN; // skipped, canceled, created...: never started
        };
    }
}
