package dev.sluice.executor.docker;

import dev.sluice.executor.JobEnvironment;
import dev.sluice.executor.ScriptStep;
import dev.sluice.executor.VariableExpander;
import dev.sluice.model.ImageSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the Docker executor creates for one job, as data: the network, the service containers and one
 * build container per step. No engine calls here.
 *
 * <p>As with gitlab-runner, the working copy is mounted at {@code /builds/<project dir>} and every step runs in a
 * fresh container of the job's image, whose command finds a shell the way gitlab-runner's does (bash if the
 * image has it, else sh) and runs the step script from the mounted temporary directory.
 */
final class ContainerPlan {

    static final String BUILDS_DIR = "/builds";

    /** gitlab-runner's shell detection for the bash shell, with the script path as its argument. */
    static final String DETECT_SHELL = """
            for shell in /usr/local/bin/bash /usr/bin/bash /bin/bash /usr/local/bin/sh /usr/bin/sh /bin/sh /busybox/sh; do
              if [ -x "$shell" ]; then exec "$shell" "$@"; fi
            done
            echo shell not found
            exit 1
            """;

    private final JobSpec job;
    private final DockerOptions options;
    private final Owner owner;
    private final String prefix;
    private final Path hostProjectDir;
    private final Path hostTmpDir;

    ContainerPlan(JobSpec job, DockerOptions options, Owner owner, String prefix, Path hostProjectDir, Path hostTmpDir) {
        this.job = job;
        this.options = options;
        this.owner = owner;
        this.prefix = prefix;
        this.hostProjectDir = hostProjectDir;
        this.hostTmpDir = hostTmpDir;
    }

    String projectDir() {
        return BUILDS_DIR + "/" + job.projectDir();
    }

    String tmpDir() {
        return projectDir() + ".tmp";
    }

    /** The job's image, or the runner's default; empty when there is neither. */
    Optional<ImageSpec> image() {
        return job.image().or(() -> options.defaultImage().map(ImageSpec::of));
    }

    String network() {
        return prefix + "-network";
    }

    Map<String, String> labels(String role) {
        return owner.labels(role, job.id(), job.name());
    }

    /** The job's environment inside the containers: file variables point into the mounted temporary directory. */
    JobEnvironment environment() {
        var runner = List.of(JobVariable.of("CI_BUILDS_DIR", BUILDS_DIR), JobVariable.of("CI_PROJECT_DIR", projectDir()),
                JobVariable.of("RUNNER_TEMP_PROJECT_DIR", tmpDir()));
        return JobEnvironment.resolve(job.variables(), runner, Path.of(tmpDir()));
    }

    /** Where a path under the container's temporary directory is on the host. */
    Path hostPath(Path inContainer) {
        return hostTmpDir.resolve(Path.of(tmpDir()).relativize(inContainer).toString());
    }

    List<ServicePlan> services() {
        var env = environment();
        var out = new ArrayList<ServicePlan>();
        for (int i = 0; i < job.services().size(); i++) {
            out.add(service(i, job.services().get(i), env));
        }
        return out;
    }

    private ServicePlan service(int index, ImageSpec service, JobEnvironment jobEnv) {
        // services get the job's variables (not file variables: their paths mean nothing there) and their own
        var env = new LinkedHashMap<String, String>();
        jobEnv.env().forEach((k, v) -> {
            if (!jobEnv.files().containsKey(Path.of(tmpDir()).resolve(k))) {
                env.put(k, v);
            }
        });
        for (JobVariable v : service.variables()) {
            env.remove(v.key());
            env.put(v.key(), v.raw() ? v.value() : VariableExpander.expand(v.value(), k -> env.getOrDefault(k, "")));
        }
        String repo = ImageRef.parse(service.name()).repository().replaceAll("[^a-zA-Z0-9_.-]", "-");
        var spec = new ContainerSpec(prefix + "-svc" + index + "-" + repo, service.name(), entrypoint(service), service.command(),
                env, labels("service"), List.of(), Optional.empty(), network(), ServiceAliases.of(service.name(), service.aliases()),
                new ContainerSpec.Limits(options.serviceCpus(), options.serviceMemoryBytes()), options.privileged());
        Optional<Integer> port = Optional.ofNullable(env.get("HEALTHCHECK_TCP_PORT")).flatMap(ContainerPlan::port);
        return new ServicePlan(spec, service.name(), port);
    }

    /** The container for step {@code n}; its script is at {@code scriptPath} inside the container. */
    ContainerSpec step(ScriptStep step, int n, JobEnvironment env, String scriptPath) {
        ImageSpec image = image().orElseThrow();
        var vars = new LinkedHashMap<>(env.env());
        vars.putAll(step.extraEnv());
        var binds = List.of(new ContainerSpec.Bind(hostProjectDir, projectDir()), new ContainerSpec.Bind(hostTmpDir, tmpDir()));
        return new ContainerSpec(prefix + "-" + step.stage().id().replace('_', '-') + "-" + n, image.name(), entrypoint(image),
                List.of("sh", "-c", DETECT_SHELL, "sh", scriptPath), vars, labels("build"), binds, Optional.of(projectDir()),
                network(), List.of("build"), new ContainerSpec.Limits(options.cpus(), options.memoryBytes()), options.privileged());
    }

    private static Optional<List<String>> entrypoint(ImageSpec image) {
        return image.entrypoint().isEmpty() ? Optional.empty() : Optional.of(image.entrypoint());
    }

    private static Optional<Integer> port(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * @param image      as the job wrote it, for messages
     * @param healthPort {@code HEALTHCHECK_TCP_PORT}: the one port to wait for instead of all exposed ports
     */
    record ServicePlan(ContainerSpec container, String image, Optional<Integer> healthPort) {
    }
}
