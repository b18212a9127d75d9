package dev.sluice.protocol;

import dev.sluice.model.ArtifactDownload;
import dev.sluice.model.ArtifactsSpec;
import dev.sluice.model.CacheSpec;
import dev.sluice.model.ImageSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import dev.sluice.model.UploadWhen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link JobSpec} to job payload (the coordinator, with a {@link JobContext}) and back (the runner). The
 * payload is built the way GitLab's {@code BuildRunnerPresenter} builds it; mapping back keeps what an
 * executor needs.
 */
public final class JobPayloads {

    /** GitLab's token prefixes the runner masks in logs ({@code features.token_mask_prefixes}). */
    public static final List<String> TOKEN_PREFIXES = List.of("glpat-", "gloas-", "gldt-", "glrt-", "glcbt-",
            "glptt-", "glft-", "glimt-", "glagent-", "glsoat-", "glffct-", "GR1348941");

    private JobPayloads() {
    }

    public static JobPayload toPayload(JobSpec spec, JobContext ctx) {
        long timeout = spec.timeout().toSeconds();
        var steps = new ArrayList<Step>();
        steps.add(new Step(Step.SCRIPT, spec.script(), timeout, "on_success", false));
        if (!spec.afterScript().isEmpty()) {
            steps.add(new Step(Step.AFTER_SCRIPT, spec.afterScript(), timeout, "always", true));
        }
        JobInfo info = ctx.jobInfo();
        var jobInfo = new JobInfo(spec.name(), spec.stage(), info.projectId(), info.projectName(),
                info.projectFullPath(), info.pipelineId(), info.extra());
        return new JobPayload(spec.id(), ctx.token(), ctx.allowGitFetch(), jobInfo, ctx.gitInfo(),
                new RunnerInfo(timeout, null), spec.variables().stream().map(JobPayloads::variable).toList(), steps,
                spec.image().map(i -> image(i, false)).orElse(null),
                spec.services().stream().map(s -> image(s, true)).toList(),
                spec.artifacts().map(JobPayloads::artifacts).orElse(List.of()),
                spec.caches().stream().map(JobPayloads::cache).toList(), ctx.credentials(),
                spec.dependencies().stream().map(d -> dependency(d, ctx)).toList(),
                ctx.features() == null ? JobContext.defaultFeatures() : ctx.features(), Map.of());
    }

    public static JobSpec toJobSpec(JobPayload p) {
        JobInfo info = p.jobInfo() == null ? new JobInfo("", "", null, null, null, null, Map.of()) : p.jobInfo();
        String projectDir = info.projectFullPath() == null || info.projectFullPath().isBlank() ? "project" : info.projectFullPath();
        return new JobSpec(p.id(), orEmpty(info.name()), orEmpty(info.stage()), projectDir,
                list(p.variables()).stream().map(JobPayloads::variable).toList(),
                p.step(Step.SCRIPT).map(s -> list(s.script())).orElse(List.of()),
                p.step(Step.AFTER_SCRIPT).map(s -> list(s.script())).orElse(List.of()),
                Duration.ofSeconds(p.timeoutSeconds()), Optional.ofNullable(p.image()).filter(i -> !orEmpty(i.name()).isEmpty()).map(JobPayloads::image),
                list(p.services()).stream().map(JobPayloads::image).toList(), artifacts(list(p.artifacts())),
                list(p.cache()).stream().map(JobPayloads::cache).toList(),
                list(p.dependencies()).stream().map(JobPayloads::dependency).toList());
    }

    static Variable variable(JobVariable v) {
        return new Variable(v.key(), v.value(), !v.masked(), v.masked(), v.file(), v.raw());
    }

    static JobVariable variable(Variable v) {
        return new JobVariable(v.key(), v.value(), Variable.on(v.masked()), Variable.on(v.file()), Variable.on(v.raw()));
    }

    private static Image image(ImageSpec i, boolean service) {
        return new Image(i.name(), String.join(" ", i.aliases()), i.entrypoint(), i.command(), List.of(),
                i.variables().stream().map(v -> Variable.of(v.key(), v.value())).toList(), i.pullPolicy(), Map.of());
    }

    private static ImageSpec image(Image i) {
        return new ImageSpec(orEmpty(i.name()), i.aliases(), list(i.entrypoint()), list(i.command()), list(i.pullPolicy()),
                list(i.variables()).stream().map(JobPayloads::variable).toList());
    }

    /** The archive first (when there are paths or untracked), then one upload per report, as GitLab sends them. */
    private static List<Artifact> artifacts(ArtifactsSpec a) {
        var list = new ArrayList<Artifact>();
        if (a.hasArchive()) {
            list.add(new Artifact(a.name(), a.untracked(), a.paths(), a.exclude().isEmpty() ? null : a.exclude(),
                    a.when().yaml(), Artifact.ARCHIVE, ReportTypes.ZIP, a.expireIn()));
        }
        for (var r : a.reports()) {
            list.add(new Artifact(ReportTypes.fileName(r.type()), null, r.paths(), null, "always", r.type(),
                    ReportTypes.format(r.type()), a.expireIn()));
        }
        return list;
    }

    private static Optional<ArtifactsSpec> artifacts(List<Artifact> entries) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Optional<Artifact> archive = entries.stream().filter(JobPayloads::isArchive).findFirst();
        var reports = entries.stream().filter(e -> !isArchive(e))
                .map(e -> new ArtifactsSpec.ReportSpec(e.artifactType(), list(e.paths()))).toList();
        String expireIn = archive.or(() -> entries.stream().findFirst()).map(Artifact::expireIn).orElse("");
        return Optional.of(archive
                .map(e -> new ArtifactsSpec(e.name(), list(e.paths()), list(e.exclude()), Variable.on(e.untracked()),
                        when(e.when()), expireIn, reports))
                .orElseGet(() -> new ArtifactsSpec("artifacts", List.of(), List.of(), false, UploadWhen.ON_SUCCESS, expireIn, reports)));
    }

    private static boolean isArchive(Artifact e) {
        return e.artifactType() == null || e.artifactType().isEmpty() || e.artifactType().equals(Artifact.ARCHIVE);
    }

    private static Cache cache(CacheSpec c) {
        return new Cache(c.key(), c.untracked(), c.policy().yaml(), c.paths(), c.when().yaml(), c.fallbackKeys());
    }

    private static CacheSpec cache(Cache c) {
        String policy = orEmpty(c.policy()).isEmpty() ? "pull-push" : c.policy();
        return new CacheSpec(c.key(), list(c.paths()), Variable.on(c.untracked()),
                CacheSpec.Policy.valueOf(policy.toUpperCase(Locale.ROOT).replace('-', '_')), when(c.when()), list(c.fallbackKeys()));
    }

    private static Dependency dependency(ArtifactDownload d, JobContext ctx) {
        Dependency.ArtifactsFile file = d.hasArchive()
                ? ctx.artifactFiles().getOrDefault(d.jobId(), new Dependency.ArtifactsFile("artifacts.zip", null)) : null;
        return new Dependency(d.jobId(), d.jobName(), ctx.dependencyToken(), file);
    }

    private static ArtifactDownload dependency(Dependency d) {
        return new ArtifactDownload(d.id() == null ? 0 : d.id(), orEmpty(d.name()), d.artifactsFile() != null);
    }

    private static UploadWhen when(String text) {
        return switch (orEmpty(text)) {
            case "on_failure" -> UploadWhen.ON_FAILURE;
            case "always" -> UploadWhen.ALWAYS;
            default -> UploadWhen.ON_SUCCESS;
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
