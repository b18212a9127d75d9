package dev.sluice.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A dotenv report read with GitLab's rules ({@code Ci::ParseDotenvArtifactService}): every line
 * {@code KEY=value}, split at the first {@code =}, both sides stripped; keys of letters, digits and
 * {@code _}; at most 20 variables, the last duplicate winning; any problem rejects the whole file.
 * The executor has the same parser, but sluice-server may not depend on sluice-executor.
 */
final class DotenvReport {

    static final int VARIABLE_LIMIT = 20;
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_]{1,255}");

    /** @param variables empty when {@code problems} is not */
    record Parsed(Map<String, String> variables, List<String> problems) {
    }

    private DotenvReport() {
    }

    static Parsed parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var problems = new ArrayList<String>();
        var variables = new LinkedHashMap<String, String>();
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            int eq = lines[i].indexOf('=');
            String key = eq < 0 ? "" : lines[i].substring(0, eq).strip();
            if (eq < 0) {
                problems.add("line " + (i + 1) + ": Invalid Format (expected KEY=value)");
            } else if (!KEY.matcher(key).matches()) {
                problems.add("line " + (i + 1) + ": invalid variable key '" + key + "'");
            } else {
                variables.remove(key);
                variables.put(key, lines[i].substring(eq + 1).strip());
            }
        }
        if (variables.size() > VARIABLE_LIMIT) {
            problems.add("Dotenv files cannot have more than " + VARIABLE_LIMIT + " variables");
        }
        return problems.isEmpty() ? new Parsed(Map.copyOf(variables), List.of()) : new Parsed(Map.of(), problems);
    }
}
