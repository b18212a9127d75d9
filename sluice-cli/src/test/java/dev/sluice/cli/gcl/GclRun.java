package dev.sluice.cli.gcl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded run of gitlab-ci-local (shared/corpus/gitlab-ci-local/expected/CASE.json): its
 * arguments and environment, exit code, each job's final status, and the lines each job printed
 * ({@code $ cmd} echoes and {@code > output} lines, in order).
 */
record GclRun(String caseName, String test, String caseDir, List<String> args, Map<String, String> env, int exitCode,
              Map<String, String> jobs, Map<String, List<String>> lines) {

    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile("^\\[[^\\]]*] ");

    private static final String HEARTBEAT = "> still running...";

    static List<GclRun> of(JsonNode expected) {
        List<GclRun> out = new ArrayList<>();
        for (JsonNode run : expected.get("runs")) {
            List<String> args = new ArrayList<>();
            run.get("args").forEach(a -> args.add(a.asText()));
            Map<String, String> env = new LinkedHashMap<>();
            run.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            Map<String, String> jobs = new LinkedHashMap<>();
            run.get("jobs").forEach(j -> {
                // --timestamps prefixes names ("[ 1.03 s] build-job"); the recorder also kept them unprefixed, as not_run
                String name = TIMESTAMP.matcher(j.get("name").asText()).replaceFirst("");
                String status = j.get("status").asText();
                if (!status.equals("not_run") || !jobs.containsKey(name)) {
                    jobs.put(name, status);
                }
            });
            int cwd = args.indexOf("--cwd");
            String dir = cwd >= 0 ? args.get(cwd + 1).replaceFirst("^tests/test-cases/", "").replaceAll("/$", "")
                    : expected.get("case").asText();
            out.add(new GclRun(expected.get("case").asText(), run.path("test").asText(""), dir, args, env, run.get("exit_code").asInt(), jobs,
                    jobLines(run.get("stdout").asText(), jobs.keySet())));
        }
        return out;
    }

    /** Splits gitlab-ci-local's stdout ({@code <job> $ cmd}, {@code <job> > line}, padded names) by job. */
    static Map<String, List<String>> jobLines(String stdout, java.util.Collection<String> jobNames) {
        List<String> names = new ArrayList<>(jobNames);
        names.sort(Comparator.comparingInt(String::length).reversed()); // longest first: "test" vs "test: [a]"
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String full : stdout.split("\n", -1)) {
            String line = TIMESTAMP.matcher(full).replaceFirst("");
            for (String name : names) {
                if (!line.startsWith(name + " ")) {
                    continue;
                }
                String rest = line.substring(name.length()).stripLeading();
                if (rest.equals(HEARTBEAT)) {
                    break; // gitlab-ci-local's own notice for a silent job, not a line the job printed
                }
                if (rest.startsWith("$ ") || rest.startsWith("> ") || rest.equals(">") || rest.equals("$")) {
                    out.computeIfAbsent(name, k -> new ArrayList<>()).add(rest);
                }
                break;
            }
        }
        return out;
    }
}
