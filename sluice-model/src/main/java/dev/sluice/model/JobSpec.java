package dev.sluice.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an executor needs to run one resolved job, as GitLab sends it to a runner: no YAML, no
 * rules, no pipeline. The runner adds {@code CI_PROJECT_DIR}, {@code CI_BUILDS_DIR} and, for
 * {@code after_script} only, {@code CI_JOB_STATUS} ({@code success}, {@code failed} or {@code canceled}).
 *
 * @param projectDir   the working copy's directory name under the builds directory
 * @param variables    lowest to highest precedence; the last occurrence of a key wins
 * @param script       {@code before_script} lines followed by {@code script} lines: one shell session
 * @param afterScript  run in a fresh shell whatever the result; it never changes the result
 * @param timeout      the job's whole run time; {@code RUNNER_SCRIPT_TIMEOUT} and
 *                     {@code RUNNER_AFTER_SCRIPT_TIMEOUT} variables refine it as in gitlab-runner
 * @param artifacts    empty when the job declares no {@code artifacts}
 * @param caches       at most four, in declaration order
 * @param dependencies earlier jobs whose artifacts to restore, in order
 */
public record JobSpec(long id, String name, String stage, String projectDir, List<JobVariable> variables,
                      List<String> script, List<String> afterScript, Duration timeout, Optional<ImageSpec> image,
                      List<ImageSpec> services, Optional<ArtifactsSpec> artifacts, List<CacheSpec> caches,
                      List<ArtifactDownload> dependencies) {

    /** GitLab's default job timeout (the project setting) when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    public JobSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(projectDir);
        variables = List.copyOf(variables);
        script = List.copyOf(script);
        afterScript = List.copyOf(afterScript);
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        Objects.requireNonNull(image);
        services = List.copyOf(services);
        Objects.requireNonNull(artifacts);
        caches = List.copyOf(caches);
        dependencies = List.copyOf(dependencies);
    }

    /** The value that wins for {@code key}, if any. */
    public Optional<String> variable(String key) {
        for (int i = variables.size() - 1; i >= 0; i--) {
            if (variables.get(i).key().equals(key)) {
                return Optional.of(variables.get(i).value());
            }
        }
        return Optional.empty();
    }

    public static Builder builder(long id, String name) {
        return new Builder(id, name);
    }

    public Builder toBuilder() {
        var b = new Builder(id, name).stage(stage).projectDir(projectDir).timeout(timeout);
        b.variables.addAll(variables);
        b.script.addAll(script);
        b.afterScript.addAll(afterScript);
        b.image = image;
        b.services.addAll(services);
        b.artifacts = artifacts;
        b.caches.addAll(caches);
        b.dependencies.addAll(dependencies);
        return b;
    }

    /** Builds a {@link JobSpec} step by step; mostly for callers that assemble a job and for tests. */
    public static final class Builder {
        private final long id;
        private final String name;
        private String stage = "test";
        private String projectDir = "project";
        private final List<JobVariable> variables = new ArrayList<>();
        private final List<String> script = new ArrayList<>();
        private final List<String> afterScript = new ArrayList<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Optional<ImageSpec> image = Optional.empty();
        private final List<ImageSpec> services = new ArrayList<>();
        private Optional<ArtifactsSpec> artifacts = Optional.empty();
        private final List<CacheSpec> caches = new ArrayList<>();
        private final List<ArtifactDownload> dependencies = new ArrayList<>();

        private Builder(long id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder stage(String value) { stage = value; return this; }

        public Builder projectDir(String value) { projectDir = value; return this; }

        public Builder variable(String key, String value) { return variable(JobVariable.of(key, value)); }

        public Builder variable(JobVariable value) { variables.add(value); return this; }

        public Builder script(String... lines) { script.addAll(List.of(lines)); return this; }

        public Builder afterScript(String... lines) { afterScript.addAll(List.of(lines)); return this; }

        public Builder timeout(Duration value) { timeout = value; return this; }

        public Builder image(ImageSpec value) { image = Optional.of(value); return this; }

        public Builder service(ImageSpec value) { services.add(value); return this; }

        public Builder artifacts(ArtifactsSpec value) { artifacts = Optional.of(value); return this; }

        public Builder cache(CacheSpec value) { caches.add(value); return this; }

        public Builder replaceCaches(List<CacheSpec> values) { caches.clear(); caches.addAll(values); return this; }

        public Builder dependency(ArtifactDownload value) { dependencies.add(value); return this; }

        public JobSpec build() {
            return new JobSpec(id, name, stage, projectDir, variables, script, afterScript, timeout, image,
                    services, artifacts, caches, dependencies);
        }
    }
}
