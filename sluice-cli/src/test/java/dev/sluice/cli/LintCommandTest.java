package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    private static final String VALID = """
            stages: [build, test]
            build:
              stage: build
              script: make
            """;

    private static final String BROKEN = """
            build:
              script: [make
            test:
              script: make test
            """;

    /** Duplicate keys are legal YAML: GitLab keeps the last, Sluice warns. */
    private static final String DUPLICATE_KEY = """
            build:
              script: make
              script: make all
            """;

    @TempDir
    Path repo;

    @Test
    void validConfigurationExitsZeroWithSummary() throws IOException {
        write(".gitlab-ci.yml", VALID);

        CliRun run = CliRun.in(repo, "lint");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(".gitlab-ci.yml: valid" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void invalidConfigurationPrintsPositionedDiagnosticsAndExitsOne() throws IOException {
        write("ci/pipeline.yml", BROKEN);

        CliRun run = CliRun.in(repo, "lint", "ci/pipeline.yml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().toList()).first().asString()
                .matches("ci/pipeline\\.yml:\\d+:\\d+: error\\[yaml-syntax\\]: .+");
        assertThat(run.out().lines().toList()).last().asString().isEqualTo("ci/pipeline.yml: invalid: 1 error");
    }

    @Test
    void warningsAloneKeepTheConfigurationValid() throws IOException {
        write(".gitlab-ci.yml", DUPLICATE_KEY);

        CliRun run = CliRun.in(repo, "lint");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(".gitlab-ci.yml:3:3: warning[duplicate-key]: ")
                .endsWith(".gitlab-ci.yml: valid (1 warning)" + System.lineSeparator());
    }

    @Test
    void directoryOptionSetsTheRepositoryRoot() throws IOException {
        write("project/.gitlab-ci.yml", VALID);

        CliRun run = CliRun.in(repo, "lint", "-C", "project");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(".gitlab-ci.yml: valid");
    }

    @Test
    void missingDirectoryIsAUsageError() {
        CliRun run = CliRun.in(repo, "lint", "-C", "nowhere");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sluice: error: no such directory: nowhere" + System.lineSeparator());
    }

    @Test
    void missingFileIsAUsageErrorWithAClearMessage() {
        CliRun run = CliRun.in(repo, "lint", "nope.yml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("sluice: error: no such file: nope.yml").doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingDefaultFileNamesTheDirectory() {
        CliRun run = CliRun.in(repo, "lint");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such file: .gitlab-ci.yml").contains(repo.toString());
    }

    @Test
    void directoryInsteadOfFileIsAUsageError() throws IOException {
        Files.createDirectories(repo.resolve("ci"));

        CliRun run = CliRun.in(repo, "lint", "ci");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice: error: ci is a directory");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.in(repo, "lint", "--jsno");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice: error: Unknown option: '--jsno'")
                .contains("--json")
                .contains("Try 'sluice lint --help'");
    }

    @Test
    void jsonReportHasErrorsWithPositionsAndWarnings() throws IOException {
        write(".gitlab-ci.yml", BROKEN);

        CliRun run = CliRun.in(repo, "lint", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("file").asText()).isEqualTo(".gitlab-ci.yml");
        assertThat(report.get("warnings").isArray()).isTrue();
        JsonNode error = report.get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo(".gitlab-ci.yml");
        assertThat(error.get("line").isInt()).isTrue();
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("column").asInt()).isPositive();
        assertThat(error.get("code").asText()).isEqualTo("yaml-syntax");
        assertThat(error.get("message").asText()).startsWith("invalid YAML");
        assertThat(error.get("path").isTextual()).isTrue();
        assertThat(error.get("related").isArray()).isTrue();
    }

    @Test
    void jsonReportOfAValidConfigurationListsItsWarnings() throws IOException {
        write(".gitlab-ci.yml", DUPLICATE_KEY);

        CliRun run = CliRun.in(repo, "lint", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("warnings")).hasSize(1);
        assertThat(report.get("warnings").get(0).get("code").asText()).isEqualTo("duplicate-key");
        assertThat(report.get("warnings").get(0).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void nonAsciiTextPassesThroughUnchanged() throws IOException {
        write("ünïcødé.yml", "job: [\n");

        CliRun run = CliRun.in(repo, "lint", "ünïcødé.yml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("ünïcødé.yml:");
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void limitsCanBeRaisedFromTheCommandLine() throws IOException {
        StringBuilder yaml = new StringBuilder("many:\n  stage: build\n  parallel: 60\n  script: x\nfan-in:\n  needs: [many]\n  script: y\n");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), yaml.toString());

        CliRun strict = CliRun.in(repo, "lint");
        CliRun relaxed = CliRun.in(repo, "lint", "--limit", "needs=100");
        CliRun unknown = CliRun.in(repo, "lint", "--limit", "need=100");

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("one job can only need 50 others, but you have listed 60");
        assertThat(relaxed.exitCode()).isZero();
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown limit 'need' (did you mean 'needs'?)");
    }
}
