package dev.sluice.engine.spec;

import dev.sluice.config.model.Artifacts;
import dev.sluice.config.model.Cache;
import dev.sluice.config.model.Environment;
import dev.sluice.config.model.Image;
import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.model.Service;
import dev.sluice.config.model.When;
import dev.sluice.engine.Job;
import dev.sluice.engine.plan.Slugs;
import dev.sluice.config.VariableExpansion;
import dev.sluice.model.ArtifactDownload;
import dev.sluice.model.ArtifactsSpec;
import dev.sluice.model.CacheSpec;
import dev.sluice.model.ImageSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import dev.sluice.model.UploadWhen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Turns one job of a running pipeline into the {@link JobSpec} a runner receives, with variables in
 * GitLab's precedence (lowest first: predefined, global YAML, job YAML, dotenv of the jobs it
 * depends on, project and pipeline variables) and the keywords GitLab expands at creation
 * ({@code image}, {@code services}, {@code cache:key}, {@code artifacts:paths}) expanded.
 */
public final class JobSpecs {

    private JobSpecs() {
    }

    /** One earlier job whose artifacts this job receives: its archive (if any) and dotenv variables. */
    public record Source(Job job, boolean hasArchive, Map<String, String> dotenv) {
    }

    /** For a pipeline whose engine job ids are its jobs' ids ({@code sluice run}). */
    public static JobSpec build(Job job, long pipelineId, RunContext context, List<Source> sources) {
        return build(job, pipelineId, context, sources, LongUnaryOperator.identity());
    }

    /**
     * @param jobIds maps the engine's per-pipeline job number to the id the job is known by outside
     *               (the server's job id): {@code CI_JOB_ID}, {@code CI_JOB_URL}, the spec's id and its
     *               artifact downloads all use it
     */
    public static JobSpec build(Job job, long pipelineId, RunContext context, List<Source> sources, LongUnaryOperator jobIds) {
        JobDefinition definition = job.planned().definition();
        List<JobVariable> variables = variables(job, jobIds.applyAsLong(job.id()), pipelineId, context, sources);
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach(v -> values.put(v.key(), v.value()));
        List<String> script = new ArrayList<>(definition.beforeScript());
        script.addAll(definition.script());
        return new JobSpec(jobIds.applyAsLong(job.id()), job.name(), job.stage(), context.projectDir(), variables, script,
                definition.afterScript(), definition.timeout().orElse(context.defaultTimeout()),
                definition.image().map(i -> image(i, values)), definition.services().stream().map(s -> service(s, values)).toList(),
                definition.artifacts().map(a -> artifacts(a, values)),
                definition.cache().stream().map(c -> cache(c, values, context)).toList(),
                sources.stream().map(s -> new ArtifactDownload(jobIds.applyAsLong(s.job().id()), s.job().name(), s.hasArchive()))
                        .toList());
    }

    static List<JobVariable> variables(Job job, long jobId, long pipelineId, RunContext context, List<Source> sources) {
        JobDefinition definition = job.planned().definition();
        List<JobVariable> out = new ArrayList<>();
        context.predefined().forEach((k, v) -> out.add(JobVariable.of(k, v)));
        jobPredefined(job, jobId, pipelineId, context.predefined()).forEach((k, v) -> out.add(JobVariable.of(k, v)));
        context.globals().forEach((k, v) -> {
            if (definition.inherit().inheritsVariable(k)) {
                out.add(new JobVariable(k, v, false, false, context.rawGlobals().contains(k)));
            }
        });
        job.planned().variables().forEach((k, v) -> out.add(new JobVariable(k, v, false, false, raw(definition, k))));
        for (Source source : sources) {
            source.dotenv().forEach((k, v) -> out.add(JobVariable.of(k, v)));
        }
        definition.environment().ifPresent(env -> environment(env, out));
        out.addAll(context.outer());
        return out;
    }

    private static boolean raw(JobDefinition definition, String name) {
        return definition.variables().stream().anyMatch(v -> v.name().equals(name) && !v.expand());
    }

    private static Map<String, String> jobPredefined(Job job, long jobId, long pipelineId, Map<String, String> predefined) {
        JobDefinition definition = job.planned().definition();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("CI_PIPELINE_ID", Long.toString(pipelineId));
        v.put("CI_JOB_ID", Long.toString(jobId));
        String projectUrl = predefined.get("CI_PROJECT_URL");
        if (projectUrl != null && !projectUrl.isEmpty()) {
            v.put("CI_JOB_URL", projectUrl + "/-/jobs/" + jobId);
        }
        v.put("CI_JOB_NAME", job.name());
        v.put("CI_JOB_NAME_SLUG", Slugs.ref(job.name()));
        v.put("CI_JOB_STAGE", job.stage());
        v.put("CI_JOB_MANUAL", Boolean.toString(job.playedManually()));
        v.put("CI_NODE_TOTAL", Integer.toString(definition.parallel().map(p -> p.total()).orElse(1)));
        definition.parallel().ifPresent(p -> v.put("CI_NODE_INDEX", Integer.toString(p.index())));
        definition.image().ifPresent(i -> v.put("CI_JOB_IMAGE", i.name()));
        definition.timeout().ifPresent(t -> v.put("CI_JOB_TIMEOUT", Long.toString(t.toSeconds())));
        return v;
    }

    private static void environment(Environment env, List<JobVariable> out) {
        Map<String, String> known = new LinkedHashMap<>();
        out.forEach(v -> known.put(v.key(), v.value()));
        String name = VariableExpansion.expandKnown(env.name(), known);
        out.add(JobVariable.of("CI_ENVIRONMENT_NAME", name));
        out.add(JobVariable.of("CI_ENVIRONMENT_SLUG", Slugs.environment(name)));
        out.add(JobVariable.of("CI_ENVIRONMENT_ACTION", env.action()));
        out.add(JobVariable.of("CI_ENVIRONMENT_TIER", env.deploymentTier().orElseGet(() -> Tiers.guess(name))));
        env.url().ifPresent(url -> out.add(JobVariable.of("CI_ENVIRONMENT_URL", VariableExpansion.expandKnown(url, known))));
    }

    private static ImageSpec image(Image image, Map<String, String> values) {
        return new ImageSpec(VariableExpansion.expandAll(image.name(), values), List.of(),
                image.entrypoint().orElse(List.of()), List.of(), image.pullPolicy(), List.of());
    }

    private static ImageSpec service(Service service, Map<String, String> values) {
        List<JobVariable> vars = new ArrayList<>();
        service.variables().forEach((k, v) -> vars.add(JobVariable.of(k, v)));
        return new ImageSpec(VariableExpansion.expandAll(service.name(), values),
                service.alias().map(a -> List.of(a.split(",\\s*"))).orElse(List.of()),
                service.entrypoint().orElse(List.of()), service.command().orElse(List.of()), service.pullPolicy(), vars);
    }

    private static ArtifactsSpec artifacts(Artifacts a, Map<String, String> values) {
        List<ArtifactsSpec.ReportSpec> reports = new ArrayList<>();
        a.reports().forEach((type, paths) -> reports.add(new ArtifactsSpec.ReportSpec(type, paths)));
        return new ArtifactsSpec(VariableExpansion.expandAll(a.name().orElse("artifacts"), values),
                a.paths(), a.exclude(), a.untracked(), // paths: the runner expands them, with its own variables too
                uploadWhen(a.when()), a.expireIn().orElse(""), reports);
    }

    private static CacheSpec cache(Cache c, Map<String, String> values, RunContext context) {
        String key = c.keyFiles().isEmpty()
                ? VariableExpansion.expandAll(c.key().orElse("default"), values)
                : c.keyPrefix().map(p -> VariableExpansion.expandAll(p, values) + "-").orElse("")
                        + context.filesCacheKey().apply(c.keyFiles());
        if (key.isBlank()) {
            key = "default";
        }
        String policy = VariableExpansion.expandAll(c.policy(), values);
        return new CacheSpec(key + context.cacheKeySuffix(), c.paths(), // paths: expanded by the runner
                c.untracked(), switch (policy) {
                    case "pull" -> CacheSpec.Policy.PULL;
                    case "push" -> CacheSpec.Policy.PUSH;
                    default -> CacheSpec.Policy.PULL_PUSH;
                }, uploadWhen(When.fromYaml(c.when()).orElse(When.ON_SUCCESS)),
                c.fallbackKeys().stream().map(k -> VariableExpansion.expandAll(k, values) + context.cacheKeySuffix()).toList());
    }

    private static UploadWhen uploadWhen(When when) {
        return switch (when) {
            case ON_FAILURE -> UploadWhen.ON_FAILURE;
            case ALWAYS -> UploadWhen.ALWAYS;
            default -> UploadWhen.ON_SUCCESS;
        };
    }
}
