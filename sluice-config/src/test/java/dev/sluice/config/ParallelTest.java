package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void countMakesNumberedJobs() {
        var c = CompilerFixture.compile("test:\n  parallel: 3\n  script: x\n");
        assertThat(c.jobNames()).containsExactly("test 1/3", "test 2/3", "test 3/3");
        assertThat(c.job("test 2/3").parallel().orElseThrow().index()).isEqualTo(2);
    }

    @Test
    void matrixMakesOneJobPerCombinationNamedByValues() {
        var c = CompilerFixture.compile("""
                test:
                  script: x
                  parallel:
                    matrix:
                      - PROVIDER: aws
                        STACK: [monitoring, app1]
                      - PROVIDER: [gcp, vultr]
                        STACK: data
                """);
        assertThat(c.jobNames()).containsExactly("test: [aws, monitoring]", "test: [aws, app1]",
                "test: [gcp, data]", "test: [vultr, data]");
        assertThat(c.job("test: [gcp, data]").variables()).extracting(v -> v.name() + "=" + v.value())
                .containsExactly("PROVIDER=gcp", "STACK=data");
        assertThat(c.job("test: [gcp, data]").parallel().orElseThrow().matrixValues())
                .isEqualTo(Map.of("PROVIDER", "gcp", "STACK", "data"));
    }

    @Test
    void needsOnAParallelJobMeansAllInstancesOrTheSelectedOnes() {
        var c = CompilerFixture.compile("""
                build:
                  stage: build
                  script: x
                  parallel:
                    matrix:
                      - OS: [linux, mac]
                all:
                  needs: [build]
                  script: y
                one:
                  needs:
                    - job: build
                      parallel:
                        matrix:
                          - OS: mac
                  script: z
                none:
                  needs:
                    - job: build
                      parallel:
                        matrix:
                          - OS: windows
                  script: z
                """);
        assertThat(c.errors()).singleElement().asString().contains("undefined need: build");
    }

    @Test
    void matrixExpressionsPickTheInstanceWithTheSameValues() {
        var c = CompilerFixture.compile("""
                build:
                  stage: build
                  script: x
                  parallel:
                    matrix:
                      - PROVIDER: [aws, gcp]
                        STACK: [app1, app2]
                test:
                  script: y
                  parallel:
                    matrix:
                      - PROVIDER: [aws, gcp]
                        STACK: [app1, app2]
                  needs:
                    - job: build
                      parallel:
                        matrix:
                          - PROVIDER: $[[ matrix.PROVIDER ]]
                            STACK: $[[ matrix.STACK ]]
                """);
        var need = c.job("test: [gcp, app2]").needs().orElseThrow().getFirst();
        assertThat(need.matrix()).containsExactly(Map.of("PROVIDER", List.of("gcp"), "STACK", List.of("app2")));
    }

    @Test
    void matrixExpressionsNeedAMatrixJobAndKnownNames() {
        var c = CompilerFixture.compile("""
                build:
                  stage: build
                  script: x
                  parallel:
                    matrix:
                      - PROVIDER: [aws, gcp]
                plain:
                  script: y
                  needs:
                    - job: build
                      parallel:
                        matrix:
                          - PROVIDER: $[[ matrix.PROVIDER ]]
                typo:
                  script: y
                  parallel:
                    matrix:
                      - PROVIDER: [aws]
                  needs:
                    - job: build
                      parallel:
                        matrix:
                          - PROVIDER: $[[ matrix.PROVDER ]]
                """);
        assertThat(c.errors()).containsExactly(
                ".gitlab-ci.yml:10:7: matrix-expression: plain job: $[[ matrix.PROVIDER ]] can only be used in a job with parallel:matrix",
                ".gitlab-ci.yml:20:7: matrix-expression: typo job: unknown matrix identifier 'PROVDER' in $[[ matrix.PROVDER ]] (did you mean 'PROVIDER'?)");
    }

    @Test
    void aSelectorMayNameSomeOfTheVariables() {
        var c = CompilerFixture.compile("""
                build:
                  stage: build
                  script: x
                  parallel:
                    matrix:
                      - ARCH: [x64, arm]
                        OS: [linux, mac]
                test:
                  script: y
                  needs: [{job: build, parallel: {matrix: [{ARCH: x64}]}}]
                """);
        assertThat(c.result().valid()).isTrue();
    }

    @Test
    void optionalNeedsOnJobsThatDoNotExistAreIgnored() {
        var c = CompilerFixture.compile("test:\n  script: y\n  needs: [{job: nowhere, optional: true}]\n");
        assertThat(c.result().valid()).isTrue();
    }
}
