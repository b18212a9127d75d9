package dev.sluice.engine.spec;

import dev.sluice.model.JobVariable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What turning a planned job into a {@code JobSpec} needs from the pipeline around it.
 *
 * @param predefined      pipeline-level predefined variables
 * @param globals         the effective global YAML variables (after {@code workflow:rules:variables})
 * @param rawGlobals      names of global variables declared with {@code expand: false}
 * @param outer           project then pipeline variables, with their masked/file flags: they beat YAML
 * @param projectDir      the working copy's directory name under the builds directory
 * @param defaultTimeout  the project's job timeout, used when a job sets none
 * @param cacheKeySuffix  appended to every cache key (GitLab: clear-cache counter and protection), may be empty
 * @param filesCacheKey   the key part for {@code cache:key:files}: a digest of the files' last change
 */
public record RunContext(Map<String, String> predefined, Map<String, String> globals, java.util.Set<String> rawGlobals,
                         List<JobVariable> outer, String projectDir, Duration defaultTimeout, String cacheKeySuffix,
                         Function<List<String>, String> filesCacheKey) {

    public RunContext {
        predefined = Map.copyOf(predefined);
        globals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(globals));
        rawGlobals = java.util.Set.copyOf(rawGlobals);
        outer = List.copyOf(outer);
    }
}
