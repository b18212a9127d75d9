package dev.sluice.model;


import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an {@code artifacts:reports:dotenv} file (the runner, for local runs, and the coordinator both need it) with GitLab's rules ({@code Ci::ParseDotenvArtifactService}):
 * every line is {@code KEY=value}, split at the first {@code =}, both sides stripped of spaces; no empty
 * lines, no comments, no quotes removed, no multi-line values; keys of letters, digits and {@code _}; the
 * uploaded (gzip-compressed) file below the size limit (5 KiB by default) and at most the variable limit (20 by default) after
 * duplicates collapse, the last one winning. Any problem rejects the whole file, as GitLab does; all
 * problems are reported, not just the first.
 */
public final class Dotenv {

    public static final int DEFAULT_SIZE_LIMIT = 5 * 1024;
    public static final int DEFAULT_VARIABLE_LIMIT = 20;

    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_]+");

    /** @param variables empty when {@code problems} is not */
    public record Result(List<JobVariable> variables, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private Dotenv() {
    }

    public static Result parse(byte[] content) {
        return parse(content, DEFAULT_SIZE_LIMIT, DEFAULT_VARIABLE_LIMIT);
    }

    public static Result parse(byte[] content, int sizeLimit, int variableLimit) {
        if (gzippedSize(content) >= sizeLimit) {
            return failed(List.of("Dotenv Artifact Too Big. Maximum Allowable Size: " + sizeLimit));
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var problems = new ArrayList<String>();
        var variables = new LinkedHashMap<String, JobVariable>();
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add("line " + (i + 1) + ": Invalid Format (expected KEY=value)");
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!KEY.matcher(key).matches() || key.length() > 255) {
                problems.add("line " + (i + 1) + ": invalid variable key '" + key + "'");
                continue;
            }
            variables.remove(key);
            variables.put(key, JobVariable.of(key, value));
        }
        if (variables.size() > variableLimit) {
            problems.add("Dotenv files cannot have more than " + variableLimit + " variables");
        }
        return problems.isEmpty() ? new Result(List.copyOf(variables.values()), List.of()) : failed(problems);
    }

    /** GitLab compares the limit with the stored artifact, which the runner uploads gzip-compressed. */
    static int gzippedSize(byte[] content) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.size();
    }

    private static Result failed(List<String> problems) {
        return new Result(List.of(), List.copyOf(problems));
    }
}
