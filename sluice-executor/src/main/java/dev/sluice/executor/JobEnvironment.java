package dev.sluice.executor;

import dev.sluice.model.JobVariable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's variables turned into a process environment, as gitlab-runner does it: the last occurrence of a
 * key wins; non-raw values are expanded once against the other variables ({@link VariableExpander}), where
 * a file variable stands for its file's path; file variables are written to {@code <tmpDir>/<KEY>} and
 * the environment holds the path.
 *
 * @param env   the final environment of the job's shells
 * @param files file contents to write before the first step, by path
 */
public record JobEnvironment(Map<String, String> env, Map<Path, String> files) {

    public JobEnvironment {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * @param runnerVariables what the runner itself defines ({@code CI_PROJECT_DIR} ...); they come after the
     *                        job's, so they win
     */
    public static JobEnvironment resolve(List<JobVariable> jobVariables, List<JobVariable> runnerVariables, Path tmpDir) {
        var all = new ArrayList<>(jobVariables);
        all.addAll(runnerVariables);
        var env = new LinkedHashMap<String, String>();
        var files = new LinkedHashMap<Path, String>();
        for (JobVariable v : all) {
            String value = v.raw() ? v.value() : VariableExpander.expand(v.value(), key -> lookup(all, key, tmpDir));
            env.remove(v.key()); // keep the order of the winning occurrence
            if (v.file()) {
                Path path = tmpDir.resolve(v.key());
                files.put(path, value);
                env.put(v.key(), path.toString());
            } else {
                files.remove(tmpDir.resolve(v.key()));
                env.put(v.key(), value);
            }
        }
        return new JobEnvironment(env, files);
    }

    /** Every masked value, expanded, in all occurrences: an overridden secret is still a secret. */
    public static List<String> maskedValues(List<JobVariable> variables) {
        var out = new ArrayList<String>();
        for (JobVariable v : variables) {
            if (v.masked() && !v.value().isEmpty()) {
                out.add(v.raw() ? v.value() : VariableExpander.expand(v.value(), key -> lookup(variables, key, null)));
            }
        }
        return out;
    }

    private static String lookup(List<JobVariable> all, String key, Path tmpDir) {
        for (int i = all.size() - 1; i >= 0; i--) {
            JobVariable v = all.get(i);
            if (v.key().equals(key)) {
                return v.file() && tmpDir != null ? tmpDir.resolve(key).toString() : v.value();
            }
        }
        return "";
    }

    /** Writes the file variables, readable by the owner only. */
    public void writeFiles() throws IOException {
        for (var e : files.entrySet()) {
            Files.createDirectories(e.getKey().getParent());
            Files.writeString(e.getKey(), e.getValue());
            e.getKey().toFile().setReadable(false, false);
            e.getKey().toFile().setReadable(true, true);
        }
    }
}
