package dev.sluice.cli.gcl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * gitlab-ci-local's own files in a case directory, read as the options they stand for:
 * {@code .gitlab-ci-local-env} ({@code FILE=}, {@code VARIABLE=} lines: its command line in a file) and
 * {@code .gitlab-ci-local-variables.yml} (its store of project CI/CD variables). Variables for every
 * environment ({@code "*"} or a plain value) become {@code --variable}s; an environment-scoped or file-type
 * variable has no {@code sluice run} form, so such a run is counted apart.
 */
final class GclProjectFiles {

    /** The extra {@code sluice run} arguments, or why the case cannot be expressed. */
    record Options(List<String> args, Optional<String> apart) {
    }

    private GclProjectFiles() {
    }

    static Options read(Path caseDir, List<String> gclArgs) throws IOException {
        List<String> args = new ArrayList<>();
        Path env = caseDir.resolve(".gitlab-ci-local-env");
        if (Files.isRegularFile(env)) {
            for (String line : Files.readAllLines(env)) {
                int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                String value = unquote(line.substring(eq + 1).strip());
                if (key.equals("FILE") && !gclArgs.contains("--file")) {
                    args.addAll(List.of("--file", value));
                } else if (key.equals("VARIABLE")) {
                    for (String kv : value.split(" ")) {
                        args.addAll(List.of("--variable", kv));
                    }
                }
            }
        }
        Path variables = caseDir.resolve(".gitlab-ci-local-variables.yml");
        if (Files.isRegularFile(variables)) {
            Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(variables));
            if (loaded instanceof Map<?, ?> map) {
                for (var e : map.entrySet()) {
                    Optional<String> value = everyEnvironment(e.getValue());
                    if (value.isEmpty()) {
                        return new Options(args, Optional.of("gitlab-ci-local's variables file gives " + e.getKey()
                                + " per environment or as a file; sluice run has no such project variables"));
                    }
                    args.addAll(List.of("--variable", e.getKey() + "=" + value.get()));
                }
            }
        }
        return new Options(args, Optional.empty());
    }

    private static Optional<String> everyEnvironment(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Optional.of(String.valueOf(value));
        }
        if (map.containsKey("type") && !"variable".equals(map.get("type"))) {
            return Optional.empty();
        }
        if (map.get("values") instanceof Map<?, ?> values && values.size() == 1 && values.containsKey("*")) {
            return Optional.of(String.valueOf(values.get("*")));
        }
        return Optional.empty();
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
