package dev.sluice.runner;

import dev.sluice.executor.ArtifactStore;
import dev.sluice.executor.LocalCacheStore;
import dev.sluice.executor.Workspace;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import dev.sluice.protocol.JobPayload;
import dev.sluice.protocol.JobPayloads;
import dev.sluice.protocol.VersionInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Function;

/**
 * Where and how a job runs on this runner entry: gitlab-runner's build directory
 * {@code <builds_dir>/<short-token>/<concurrent-id>/<namespace>/<project>}, the runner's own variables and
 * {@code environment} (lowest precedence, before the job's), the cache directory, and the log cap.
 */
record JobPlacement(RunnerEntry entry, int concurrentId, Path buildsRoot, Path cacheRoot, VersionInfo info) {

    JobSpec jobSpec(JobPayload payload) {
        JobSpec job = JobPayloads.toJobSpec(payload);
        var variables = new ArrayList<JobVariable>();
        variables.add(JobVariable.of("CI_RUNNER_ID", Long.toString(entry.id())));
        variables.add(JobVariable.of("CI_RUNNER_SHORT_TOKEN", entry.shortToken()));
        variables.add(JobVariable.of("CI_RUNNER_VERSION", info.version()));
        variables.add(JobVariable.of("CI_RUNNER_EXECUTABLE_ARCH", info.platform() + "/" + info.architecture()));
        variables.add(JobVariable.of("CI_CONCURRENT_ID", Integer.toString(concurrentId)));
        variables.add(JobVariable.of("CI_CONCURRENT_PROJECT_ID", Integer.toString(concurrentId)));
        for (String env : entry.environment()) {
            int eq = env.indexOf('=');
            if (eq > 0) {
                variables.add(JobVariable.of(env.substring(0, eq), env.substring(eq + 1)));
            }
        }
        variables.addAll(job.variables());
        return new JobSpec(job.id(), job.name(), job.stage(), projectDir(job.projectDir()), variables, job.script(),
                job.afterScript(), job.timeout(), job.image(), job.services(), job.artifacts(), job.caches(), job.dependencies());
    }

    Workspace workspace(JobPayload payload, Function<Path, ArtifactStore> artifacts) {
        JobSpec job = jobSpec(payload);
        String strategy = job.variable("GIT_STRATEGY").filter(s -> !s.isEmpty())
                .orElse(Boolean.FALSE.equals(payload.allowGitFetch()) ? "clone" : "fetch");
        int depth = job.variable("GIT_DEPTH").flatMap(JobPlacement::integer)
                .orElse(payload.gitInfo() == null || payload.gitInfo().depth() == null ? 0 : payload.gitInfo().depth());
        Path scratch = buildsRoot.resolve(job.projectDir() + ".artifacts").normalize();
        return new Workspace(buildsRoot, new GitWorkingCopy(payload.gitInfo(), strategy, depth), artifacts.apply(scratch),
                new LocalCacheStore(cacheRoot));
    }

    boolean debugTrace(JobPayload payload) {
        return payload.variables() != null && payload.variables().stream()
                .anyMatch(v -> "CI_DEBUG_TRACE".equals(v.key()) && "true".equals(v.value()));
    }

    long outputLimitBytes() {
        return entry.outputLimitKb() * 1024L;
    }

    /** Keeps the project's path inside the builds directory whatever the server sends. */
    private String projectDir(String fullPath) {
        String safe = fullPath.replace('\\', '/').replaceAll("(^|/)\\.\\.?(?=/|$)", "$1_").replaceAll("^/+", "");
        return entry.shortToken() + "/" + concurrentId + "/" + (safe.isEmpty() ? "project" : safe);
    }

    private static java.util.Optional<Integer> integer(String s) {
        try {
            return java.util.Optional.of(Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
