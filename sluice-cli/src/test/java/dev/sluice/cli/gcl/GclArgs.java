package dev.sluice.cli.gcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates gitlab-ci-local's command line into {@code sluice run}'s, or says why a run only
 * exercises that tool's own features (preview, completion, state directories...) and is counted apart.
 */
final class GclArgs {

    /** Options of gitlab-ci-local that mean nothing to Sluice (presentation, its state, its shell isolation). */
    private static final Set<String> IGNORED_FLAGS = Set.of("--shell-isolation", "--no-shell-isolation", "--no-color",
            "--shell-executor-no-image", "--timestamps", "--json-schema-validation",
            "--force-shell-executor", "--no-artifacts-to-source", "--no-needs");
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("--state-dir", "--max-job-name-padding", "--home",
            "--cwd", "--ignore-schema-paths", "--ignores-file", "--pull-policy", "--default-image");
    private static final Set<String> OWN_FEATURES = Set.of("--preview", "--list-csv", "--completion",
            "--get-yargs-completions", "--list", "--list-json", "--list-all",
            // its own stores of project variables, its container runtime, its job filters GitLab has no form of
            "--home", "--validate-dependency-chain", "--mount-cache", "--no-shell-executor-no-image", "--container-executable", "--container-emulate", "--unset-variable", "--stage");

    /** Sluice's arguments, or empty with the reason the run is counted apart. */
    record Translation(Optional<List<String>> args, String apart) {
    }

    private GclArgs() {
    }

    static Translation translate(List<String> gcl, Map<String, String> env) {
        List<String> out = new ArrayList<>(List.of("run"));
        for (int i = 0; i < gcl.size(); i++) {
            String a = gcl.get(i);
            if (OWN_FEATURES.contains(a)) {
                return new Translation(Optional.empty(), "uses gitlab-ci-local's own " + a);
            }
            if (IGNORED_FLAGS.contains(a)) {
                continue;
            }
            if (IGNORED_WITH_VALUE.contains(a)) {
                i++;
                continue;
            }
            switch (a) {
                case "--manual" -> {
                    out.add(a);
                    out.add(GclNames.toSluice(gcl.get(++i)));
                }
                case "--file", "--variable", "--concurrency", "--variables-file", "--input" -> {
                    out.add(a);
                    out.add(gcl.get(++i));
                }
                case "--needs" -> out.add("--needs");
                case "--maximum-includes" -> {
                    out.add("--limit");
                    out.add("includes=" + gcl.get(++i));
                }
                default -> {
                    if (a.startsWith("-")) {
                        return new Translation(Optional.empty(), "gitlab-ci-local option " + a + " has no Sluice equivalent");
                    }
                    out.add(GclNames.toSluice(a));
                }
            }
        }
        env.forEach((k, v) -> {
            if (k.equals("GCL_VARIABLE")) {
                for (String kv : v.split(";")) { // gitlab-ci-local splits GCL_VARIABLE on ';'
                    out.add("--variable");
                    out.add(kv);
                }
            } else if (k.startsWith("GCL_VARIABLE_")) {
                out.add("--variable");
                out.add(k.substring("GCL_VARIABLE_".length()) + "=" + v);
            }
        });
        return new Translation(Optional.of(out), "");
    }
}
