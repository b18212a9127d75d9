package dev.sluice.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the coordinator adds to a {@link dev.sluice.model.JobSpec} to make a job payload: the job token, the
 * project and git facts, the registry credentials and what it knows of the dependencies' archives.
 *
 * @param dependencyToken the token the runner uses to download dependencies; newer GitLab sends the running
 *                        job's own token here ({@code ci_expose_running_job_token_for_artifacts})
 * @param artifactFiles   the archive of each dependency that has one, by job id
 */
public record JobContext(String token, boolean allowGitFetch, JobInfo jobInfo, GitInfo gitInfo,
                         List<Credentials> credentials, String dependencyToken,
                         Map<Long, Dependency.ArtifactsFile> artifactFiles, JobFeatures features) {

    /** Every failure reason GitLab's current API understands from a runner. */
    public static final List<String> FAILURE_REASONS = List.of("script_failure", "runner_system_failure",
            "job_execution_timeout", "image_pull_failure", "runner_unsupported", "unknown_failure",
            "runner_configuration_error", "runner_external_dependency_failure");

    public JobContext {
        Objects.requireNonNull(token);
        credentials = List.copyOf(credentials);
        artifactFiles = Map.copyOf(artifactFiles);
    }

    public static JobFeatures defaultFeatures() {
        return new JobFeatures(true, dev.sluice.protocol.JobPayloads.TOKEN_PREFIXES, FAILURE_REASONS, Map.of());
    }
}
