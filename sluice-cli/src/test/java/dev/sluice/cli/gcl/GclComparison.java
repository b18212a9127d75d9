package dev.sluice.cli.gcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private static java.util.Optional<String> lineDifference(String job, List<String> want, List<String> got) {
        List<String> w = want.stream().map(String::stripTrailing).toList();
        List<String> g = got.stream().map(String::stripTrailing).toList();
        if (w.equals(g)) {
            return java.util.Optional.empty();
        }
        int i = 0;
        while (i < w.size() && i < g.size() && Objects.equals(w.get(i), g.get(i))) {
            i++;
        }
        return java.util.Optional.of("job '" + job + "' line " + (i + 1) + ": expected "
                + (i < w.size() ? "'" + w.get(i) + "'" : "no more lines") + ", Sluice "
                + (i < g.size() ? "'" + g.get(i) + "'" : "no more lines") + " (" + w.size() + " vs " + g.size() + " lines)");
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
