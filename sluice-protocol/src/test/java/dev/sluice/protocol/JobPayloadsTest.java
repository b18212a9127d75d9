package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.ArtifactDownload;
import dev.sluice.model.ArtifactsSpec;
import dev.sluice.model.CacheSpec;
import dev.sluice.model.ImageSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import dev.sluice.model.UploadWhen;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPayloadsTest {

    static final JobContext CONTEXT = new JobContext("glcbt-job", true,
            new JobInfo("", "", 42L, "app", "group/app", 777L, Map.of()),
            new GitInfo("http://host/group/app.git", "sha1", "main", "abc", "000", "branch", List.of(), 20, false, Map.of()),
            List.of(new Credentials("registry", "registry.host", "gitlab-ci-token", "glcbt-job")), "glcbt-job",
            Map.of(1200L, new Dependency.ArtifactsFile("artifacts.zip", 10L)), null);

    static JobSpec fullSpec() {
        return JobSpec.builder(1234, "rspec").stage("test").projectDir("group/app")
                .variable("CI", "true").variable(JobVariable.of("SECRET", "s3cr3t-value").asMasked())
                .variable(JobVariable.of("CFG", "a: $B").asFile().asRaw())
                .script("make", "make test").afterScript("echo done").timeout(Duration.ofMinutes(30))
                .image(new ImageSpec("ruby:3.3", List.of(), List.of(""), List.of(), List.of("always"), List.of()))
                .service(new ImageSpec("postgres:16", List.of("db", "pg"), List.of(), List.of("postgres", "-c", "fsync=off"),
                        List.of(), List.of(JobVariable.of("POSTGRES_PASSWORD", "x"))))
                .artifacts(new ArtifactsSpec("dist", List.of("build/"), List.of("build/**/*.o"), true, UploadWhen.ALWAYS,
                        "1 week", List.of()).withReport("junit", "rspec.xml").withReport("dotenv", "build.env"))
                .cache(CacheSpec.of("gems-main", "vendor/").withPolicy(CacheSpec.Policy.PULL).withFallbackKeys("gems"))
                .dependency(new ArtifactDownload(1200, "build", true))
                .dependency(new ArtifactDownload(1201, "lint", false))
                .build();
    }

    @Test
    void specToPayloadToSpecIsTheSameJob() throws Exception {
        JobSpec spec = fullSpec();
        JobPayload payload = JobPayloads.toPayload(spec, CONTEXT);
        JobPayload wire = ProtocolJson.decode(ProtocolJson.encode(payload), JobPayload.class);
        assertThat(JobPayloads.toJobSpec(wire)).isEqualTo(spec);
    }

    @Test
    void payloadIsBuiltAsGitLabBuildsIt() {
        JobPayload p = JobPayloads.toPayload(fullSpec(), CONTEXT);
        assertThat(p.token()).isEqualTo("glcbt-job");
        assertThat(p.runnerInfo().timeout()).isEqualTo(1800);
        assertThat(p.steps()).containsExactly(
                new Step("script", List.of("make", "make test"), 1800L, "on_success", false),
                new Step("after_script", List.of("echo done"), 1800L, "always", true));
        assertThat(p.variables().get(1)).isEqualTo(new Variable("SECRET", "s3cr3t-value", false, true, false, false));
        assertThat(p.services().get(0).alias()).isEqualTo("db pg");
        assertThat(p.services().get(0).variables()).containsExactly(Variable.of("POSTGRES_PASSWORD", "x"));
        assertThat(p.artifacts()).extracting(Artifact::artifactType, Artifact::artifactFormat, Artifact::name, Artifact::when)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("archive", "zip", "dist", "always"),
                        org.assertj.core.groups.Tuple.tuple("junit", "gzip", "junit.xml.gz", "always"),
                        org.assertj.core.groups.Tuple.tuple("dotenv", "gzip", ".env.gz", "always"));
        assertThat(p.dependencies()).containsExactly(
                new Dependency(1200L, "build", "glcbt-job", new Dependency.ArtifactsFile("artifacts.zip", 10L)),
                new Dependency(1201L, "lint", "glcbt-job", null));
        assertThat(p.features().failureReasons()).contains("script_failure", "image_pull_failure");
        assertThat(p.jobInfo().name()).isEqualTo("rspec");
        assertThat(p.jobInfo().projectFullPath()).isEqualTo("group/app");
    }

    @Test
    void specSamplePayloadBecomesARunnableJob() throws Exception {
        JobSpec job = JobPayloads.toJobSpec(ProtocolJson.decode(SpecSamples.read("job-response.json"), JobPayload.class));
        assertThat(job.id()).isEqualTo(1234);
        assertThat(job.name()).isEqualTo("rspec 1/3");
        assertThat(job.projectDir()).isEqualTo("group/app");
        assertThat(job.script()).containsExactly("bundle install", "bundle exec rspec");
        assertThat(job.afterScript()).containsExactly("echo done");
        assertThat(job.timeout()).isEqualTo(Duration.ofHours(1));
        assertThat(job.variables()).contains(new JobVariable("SECRET", "s3cr3t-value", true, false, false),
                new JobVariable("KUBECONFIG", "apiVersion: v1", false, true, true));
        assertThat(job.image().orElseThrow().entrypoint()).containsExactly("");
        assertThat(job.services().get(0).aliases()).containsExactly("db", "pg");
        ArtifactsSpec artifacts = job.artifacts().orElseThrow();
        assertThat(artifacts.paths()).containsExactly("build/");
        assertThat(artifacts.exclude()).containsExactly("build/**/*.o");
        assertThat(artifacts.expireIn()).isEqualTo("1 week");
        assertThat(artifacts.reportPaths("junit")).containsExactly("rspec.xml");
        assertThat(job.caches()).containsExactly(new CacheSpec("gems-main", List.of("vendor/"), false,
                CacheSpec.Policy.PULL_PUSH, UploadWhen.ON_SUCCESS, List.of("gems")));
        assertThat(job.dependencies()).containsExactly(new ArtifactDownload(1200, "build", true));
    }

    @Test
    void aMinimalPayloadStillMaps() throws Exception {
        var p = ProtocolJson.decode("{\"id\": 7, \"token\": \"t\", \"runner_info\": {\"timeout\": 0},"
                + " \"steps\": [{\"name\": \"script\", \"script\": [\"true\"]}]}", JobPayload.class);
        JobSpec job = JobPayloads.toJobSpec(p);
        assertThat(job.timeout()).isEqualTo(Duration.ofSeconds(7200));
        assertThat(job.projectDir()).isEqualTo("project");
        assertThat(job.image()).isEmpty();
        assertThat(job.artifacts()).isEmpty();
    }
}
