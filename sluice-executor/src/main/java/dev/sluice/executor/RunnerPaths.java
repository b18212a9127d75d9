package dev.sluice.executor;

import dev.sluice.model.ArtifactsSpec;
import dev.sluice.model.CacheSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * gitlab-runner expands {@code artifacts:paths}/{@code exclude} and {@code cache:paths} with the
 * job's variables, its own ({@code CI_PROJECT_DIR}) included, before collecting files; an absolute
 * path inside the project directory is then taken relative to it ({@link FileCollector}).
 */
final class RunnerPaths {

    private RunnerPaths() {
    }

    static JobSpec expand(JobSpec job, Path projectDir) {
        Map<String, String> values = new HashMap<>();
        for (JobVariable v : job.variables()) {
            values.put(v.key(), v.value());
        }
        values.put("CI_PROJECT_DIR", projectDir.toString());
        UnaryOperator<String> expand = text -> VariableExpander.expand(text, key -> values.getOrDefault(key, ""));
        var b = job.toBuilder();
        job.artifacts().ifPresent(a -> b.artifacts(new ArtifactsSpec(a.name(), all(a.paths(), expand), all(a.exclude(), expand),
                a.untracked(), a.when(), a.expireIn(), a.reports())));
        List<CacheSpec> caches = job.caches().stream().map(c -> new CacheSpec(c.key(), all(c.paths(), expand), c.untracked(),
                c.policy(), c.when(), c.fallbackKeys())).toList();
        return b.replaceCaches(caches).build();
    }

    private static List<String> all(List<String> paths, UnaryOperator<String> expand) {
        return paths.stream().map(expand).toList();
    }
}
