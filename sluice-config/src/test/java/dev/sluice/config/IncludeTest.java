package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IncludeTest {

    @Test
    void mainFileWinsAndNestedIncludesMergeIntoTheirParentFirst() {
        var c = CompilerFixture.compile("""
                include: a.yml
                job:
                  variables: {FROM: main}
                """, Map.of(
                "a.yml", "include: b.yml\njob:\n  script: from-a\n  variables: {FROM: a, A: a}\n",
                "b.yml", "job:\n  script: from-b\n  tags: [b]\n  variables: {FROM: b, B: b}\n"));
        var job = c.job("job");
        assertThat(job.script()).containsExactly("from-a");
        assertThat(job.tags()).containsExactly("b");
        assertThat(job.variables()).extracting(v -> v.name() + "=" + v.value())
                .containsExactly("FROM=main", "B=b", "A=a");
    }

    @Test
    void wildcardsMatchAcrossDirectoriesWithDoubleStar() {
        var c = CompilerFixture.compile("include: 'ci/**.yml'\n", Map.of(
                "ci/a.yml", "a:\n  script: a\n",
                "ci/sub/b.yml", "b:\n  script: b\n",
                "ci/readme.md", "not yaml"));
        assertThat(c.jobNames()).containsExactly("a", "b");
    }

    @Test
    void reportsMissingFilesAndUnavailableRemoteIncludes() {
        var c = CompilerFixture.compile("""
                include:
                  - local: nope.yml
                  - remote: https://example.com/ci.yml
                job:
                  script: x
                """);
        assertThat(c.errors()).anySatisfy(e -> assertThat(e).contains("Local file `nope.yml` does not exist!"))
                .anySatisfy(e -> assertThat(e).contains("include:remote `https://example.com/ci.yml` is not available"));
    }

    @Test
    void diagnosticsInIncludedFilesSayWhereTheyWereIncluded() {
        var c = CompilerFixture.compile("include: a.yml\n", Map.of("a.yml", "job:\n  script: x\n  retry: 9\n"));
        assertThat(c.diagnostics()).anySatisfy(d -> {
            assertThat(d.pos().file()).isEqualTo("a.yml");
            assertThat(d.related()).anySatisfy(r -> assertThat(r.note()).isEqualTo("included from here"));
        });
    }

    @Test
    void includeCyclesAreReported() {
        var c = CompilerFixture.compile("include: a.yml\n", Map.of("a.yml", "include: a.yml\njob:\n  script: x\n"));
        assertThat(c.errors()).anySatisfy(e -> assertThat(e).contains("include-cycle"));
    }

    @Test
    void includeRulesDecideWithTheKnownVariables() {
        String yaml = """
                include:
                  - local: extra.yml
                    rules:
                      - if: $CI_COMMIT_BRANCH == "main"
                job:
                  script: x
                """;
        Map<String, String> files = Map.of("extra.yml", "extra:\n  script: y\n");
        var onMain = new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", yaml)
                .withFiles(new InMemoryFiles(files)).withVariables(Map.of("CI_COMMIT_BRANCH", "main")));
        var elsewhere = new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", yaml)
                .withFiles(new InMemoryFiles(files)).withVariables(Map.of("CI_COMMIT_BRANCH", "dev")));
        assertThat(onMain.pipeline().orElseThrow().job("extra")).isPresent();
        assertThat(elsewhere.pipeline().orElseThrow().job("extra")).isEmpty();
    }

    @Test
    void componentsOfThisProjectAtThisCommitComeFromItsTemplates() {
        String yaml = """
                include:
                  - component: $CI_SERVER_HOST/$CI_PROJECT_PATH/deploy@$CI_COMMIT_SHA
                    inputs: {stage: test}
                  - component: $CI_SERVER_HOST/other/project/deploy@1.0
                """;
        var result = new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", yaml)
                .withFiles(new InMemoryFiles(Map.of("templates/deploy/template.yml",
                        "spec:\n  inputs:\n    stage:\n---\ndeploy:\n  stage: $[[ inputs.stage ]]\n  script: x\n")))
                .withVariables(Map.of("CI_SERVER_HOST", "sluice.local", "CI_PROJECT_PATH", "g/p", "CI_COMMIT_SHA", "abc")));
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.message())
                .contains("include:component `sluice.local/other/project/deploy@1.0` is not available"));
        var onlyOwn = new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", yaml.lines().limit(3)
                        .reduce("", (a, b) -> a + b + "\n"))
                .withFiles(new InMemoryFiles(Map.of("templates/deploy/template.yml",
                        "spec:\n  inputs:\n    stage:\n---\ndeploy:\n  stage: $[[ inputs.stage ]]\n  script: x\n")))
                .withVariables(Map.of("CI_SERVER_HOST", "sluice.local", "CI_PROJECT_PATH", "g/p", "CI_COMMIT_SHA", "abc")));
        assertThat(onlyOwn.pipeline().orElseThrow().job("deploy").orElseThrow().stage()).isEqualTo("test");
    }
}
