package dev.sluice.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.CompileRequest;
import dev.sluice.config.PipelineCompiler;
import dev.sluice.config.RepositoryFiles;
import dev.sluice.engine.Engine;
import dev.sluice.engine.Job;
import dev.sluice.engine.Pipeline;
import dev.sluice.engine.PipelineInput;
import dev.sluice.engine.PipelineSettings;
import dev.sluice.engine.plan.PlanResult;
import dev.sluice.engine.plan.Planner;
import dev.sluice.engine.plan.RepositoryFacts;
import dev.sluice.engine.plan.TriggerContext;
import dev.sluice.model.CacheSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobSpecsTest {

    private static Pipeline start(String yaml) {
        var definition = new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", yaml)).pipeline().orElseThrow();
        var ctx = TriggerContext.push("main", "a".repeat(40), TriggerContext.NO_SHA, List.of());
        var created = (PlanResult.Created) new Planner().plan(definition, ctx, RepositoryFacts.of(RepositoryFiles.NONE),
                Map.of("CI_COMMIT_REF_NAME", "main"), Map.of(), "g/p");
        return new Engine().start(new PipelineInput(9, 1, created.stages(), created.jobs(), Instant.EPOCH,
                PipelineSettings.DEFAULT)).pipeline();
    }

    private static RunContext context(Pipeline pipeline, List<JobVariable> outer) {
        return new RunContext(Map.of("CI_COMMIT_REF_NAME", "main"), Map.of("GLOBAL", "g", "RAW", "$HOME"), Set.of("RAW"),
                outer, "p", Duration.ofMinutes(30), "", files -> "files" + files.size());
    }

    private static Job job(Pipeline pipeline, String name) {
        return pipeline.latest(name).orElseThrow();
    }

    @Test
    void variablesFollowGitLabsPrecedence() {
        var pipeline = start("""
                variables: {GLOBAL: g}
                build:
                  stage: build
                  script: x
                  variables: {GLOBAL: job, LOCAL: l}
                """);
        Job build = job(pipeline, "build");
        JobSpec spec = JobSpecs.build(build, 9, context(pipeline, List.of(JobVariable.of("LOCAL", "project"))),
                List.of(new JobSpecs.Source(build, false, Map.of("LOCAL", "dotenv"))));
        assertThat(spec.variable("GLOBAL")).contains("job");
        assertThat(spec.variable("LOCAL")).contains("project");
        assertThat(spec.variable("CI_JOB_NAME")).contains("build");
        assertThat(spec.variable("CI_PIPELINE_ID")).contains("9");
        assertThat(spec.variables().stream().filter(v -> v.key().equals("RAW")).findFirst().orElseThrow().raw()).isTrue();
        assertThat(spec.timeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theJobIdOutsideTheEngineNamesTheJobEverywhere() {
        var pipeline = start("""
                build:
                  stage: build
                  script: x
                  artifacts: {paths: [out/]}
                test:
                  stage: test
                  script: x
                """);
        var ctx = new RunContext(Map.of("CI_PROJECT_URL", "http://ci.example/group/app"), Map.of(), Set.of(), List.of(), "p",
                Duration.ofHours(1), "", files -> "");
        Job build = job(pipeline, "build");
        JobSpec spec = JobSpecs.build(job(pipeline, "test"), 9, ctx, List.of(new JobSpecs.Source(build, true, Map.of())),
                engineId -> engineId + 700);
        assertThat(spec.id()).isEqualTo(job(pipeline, "test").id() + 700);
        assertThat(spec.variable("CI_JOB_ID")).contains(Long.toString(spec.id()));
        assertThat(spec.variable("CI_JOB_URL")).contains("http://ci.example/group/app/-/jobs/" + spec.id());
        assertThat(spec.dependencies()).extracting(d -> d.jobId()).containsExactly(build.id() + 700);
    }

    @Test
    void keywordsAreExpandedAndCacheKeysComputed() {
        var pipeline = start("""
                variables: {TAG: "3.12"}
                test:
                  image: python:$TAG
                  services: [{name: "redis:7", alias: "cache,kv"}]
                  script: x
                  environment: {name: review/$CI_COMMIT_REF_NAME, url: "https://$CI_COMMIT_REF_NAME.example.com"}
                  cache:
                    - key: deps-$CI_COMMIT_REF_NAME
                      paths: [.venv/]
                      policy: pull
                    - key: {files: [poetry.lock], prefix: py}
                      paths: [.cache/]
                  artifacts:
                    paths: [dist/$TAG/]
                    reports: {dotenv: [build.env]}
                """);
        var ctx = new RunContext(Map.of("CI_COMMIT_REF_NAME", "main"), Map.of("TAG", "3.12"), Set.of(), List.of(), "p",
                Duration.ofHours(1), "-non_protected", files -> "f" + files.size());
        JobSpec spec = JobSpecs.build(job(pipeline, "test"), 9, ctx, List.of());
        assertThat(spec.image().orElseThrow().name()).isEqualTo("python:3.12");
        assertThat(spec.services().getFirst().aliases()).containsExactly("cache", "kv");
        assertThat(spec.caches()).extracting(CacheSpec::key).containsExactly("deps-main-non_protected", "py-f1-non_protected");
        assertThat(spec.caches().getFirst().policy()).isEqualTo(CacheSpec.Policy.PULL);
        assertThat(spec.artifacts().orElseThrow().paths()).as("the runner expands paths").containsExactly("dist/$TAG/");
        assertThat(spec.variable("CI_ENVIRONMENT_NAME")).contains("review/main");
        assertThat(spec.variable("CI_ENVIRONMENT_URL")).contains("https://main.example.com");
        assertThat(spec.variable("CI_ENVIRONMENT_TIER")).contains("development");
    }

    @Test
    void artifactSourcesFollowNeedsDependenciesOrEarlierStages() {
        var pipeline = start("""
                a:
                  stage: build
                  script: x
                b:
                  stage: build
                  script: x
                all:
                  script: x
                some:
                  dependencies: [b]
                  script: x
                dag:
                  needs: [{job: a, artifacts: false}, b]
                  script: x
                none:
                  needs: []
                  script: x
                """);
        assertThat(ArtifactSources.of(pipeline, job(pipeline, "all"))).extracting(Job::name).containsExactly("a", "b");
        assertThat(ArtifactSources.of(pipeline, job(pipeline, "some"))).extracting(Job::name).containsExactly("b");
        assertThat(ArtifactSources.of(pipeline, job(pipeline, "dag"))).extracting(Job::name).containsExactly("b");
        assertThat(ArtifactSources.of(pipeline, job(pipeline, "none"))).isEmpty();
    }
}
