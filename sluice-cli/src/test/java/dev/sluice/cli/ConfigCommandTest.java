package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.config.CompileRequest;
import dev.sluice.config.PipelineCompiler;
import dev.sluice.config.yaml.YMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    /** Scalars of every kind, strings that look like other kinds, anchors, scripts over several lines. */
    private static final String PIPELINE = """
            stages: [build, test]
            variables:
              VERSION: "1.0"
              PORT: 8080
              OCTAL: 0755
              QUOTED_TRUE: "true"
            .kinds:
              ENABLED: yes
              NOTHING: ~
              RATIO: 0.5
            .defaults: &defaults
              retry: 2
              tags: [linux, "on"]
            build:
              <<: *defaults
              stage: build
              script:
                - echo "building $VERSION"
                - |
                  for i in 1 2 3; do
                    echo "$i: done # not a comment"
                  done
              after_script: ['echo "key: value"', "- dash", "#hash", "", " padded "]
              rules:
                - if: $CI_COMMIT_BRANCH == "main" && $X =~ /^feat/
                  when: manual
            """;

    @TempDir
    Path repo;

    @Test
    void yamlOutputReadsBackToTheMergedTree() throws IOException {
        Files.writeString(repo.resolve(".gitlab-ci.yml"), PIPELINE);
        YMap merged = new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", PIPELINE)).merged().orElseThrow();

        CliRun run = CliRun.in(repo, "config");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(PlainTree.of(PlainTree.load(run.out()))).isEqualTo(PlainTree.of(merged));
    }

    @Test
    void jsonOutputKeepsScalarKinds() throws IOException {
        Files.writeString(repo.resolve(".gitlab-ci.yml"), PIPELINE);

        CliRun run = CliRun.in(repo, "config", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode variables = json.get("variables");
        assertThat(variables.get("VERSION").isTextual()).isTrue();
        assertThat(variables.get("PORT").isInt()).isTrue();
        assertThat(variables.get("OCTAL").asInt()).isEqualTo(493);
        JsonNode kinds = json.get(".kinds");
        assertThat(kinds.get("ENABLED").isBoolean()).isTrue();
        assertThat(kinds.get("NOTHING").isNull()).isTrue();
        assertThat(kinds.get("RATIO").isDouble()).isTrue();
        assertThat(json.get("build").get("retry").asInt()).isEqualTo(2);
        assertThat(json.get("build").get("script").get(1).asText()).endsWith("done\n");
    }

    @Test
    void invalidConfigurationPrintsDiagnosticsToStderrOnly() throws IOException {
        Files.writeString(repo.resolve(".gitlab-ci.yml"), "build: [\n");

        CliRun run = CliRun.in(repo, "config");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(".gitlab-ci.yml:").contains("error[yaml-syntax]")
                .contains(".gitlab-ci.yml: invalid: 1 error");
    }

    @Test
    void missingFileIsAUsageError() {
        CliRun run = CliRun.in(repo, "config", "--json", "missing.yml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice: error: no such file: missing.yml");
    }
}
