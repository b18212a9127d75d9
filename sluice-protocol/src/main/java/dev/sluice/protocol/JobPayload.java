package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The {@code 201} body of {@code jobs/request}: one resolved job as GitLab hands it to gitlab-runner
 * (its {@code spec.Job}). Lists are {@code null} when the key is absent. Newer or optional keys
 * ({@code hooks}, {@code secrets}, {@code inputs}, {@code policy_options}...) are kept in {@code extra}.
 *
 * @param token the job token: {@code JOB-TOKEN} for this job's calls and the password in the clone URL
 */
public record JobPayload(long id, String token, Boolean allowGitFetch, JobInfo jobInfo, GitInfo gitInfo,
                         RunnerInfo runnerInfo, List<Variable> variables, List<Step> steps, Image image,
                         List<Image> services, List<Artifact> artifacts, List<Cache> cache,
                         List<Credentials> credentials, List<Dependency> dependencies, JobFeatures features,
                         @JsonAnySetter Map<String, JsonNode> extra) {

    public JobPayload {
        extra = Extra.copy(extra);
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }

    /** The step called {@code name} ({@code script}, {@code after_script}, {@code run}), if sent. */
    public java.util.Optional<Step> step(String name) {
        return steps == null ? java.util.Optional.empty() : steps.stream().filter(s -> name.equals(s.name())).findFirst();
    }

    /** {@code runner_info.timeout} in seconds; gitlab-runner falls back to 7200 when it is 0 or missing. */
    public long timeoutSeconds() {
        return runnerInfo == null || runnerInfo.timeout() == null || runnerInfo.timeout() <= 0 ? 7200 : runnerInfo.timeout();
    }
}
