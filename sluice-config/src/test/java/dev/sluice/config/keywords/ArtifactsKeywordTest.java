package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Artifacts;
import dev.sluice.config.model.When;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactsKeywordTest {

    private static KeywordFixture<Optional<Artifacts>> read(String yaml) {
        return KeywordFixture.read("jobs:test:artifacts", yaml, ArtifactsKeyword::read);
    }

    @Test
    void theFullForm() {
        var r = read("""
                artifacts:
                  name: report-$CI_JOB_NAME
                  paths: [build/]
                  exclude: [build/**/*.o]
                  untracked: false
                  when: always
                  expire_in: 1 week
                  expose_as: Build output
                  access: developer
                  reports:
                    junit: [rspec.xml, other.xml]
                    dotenv: build.env
                    coverage_report: {coverage_format: cobertura, path: coverage/cobertura.xml}
                    browser_performance: perf.json
                    annotations: upload_report.json
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).contains(new Artifacts(List.of("build/"), List.of("build/**/*.o"), false, When.ALWAYS,
                Optional.of("1 week"), Optional.of("report-$CI_JOB_NAME"), Optional.of("Build output"),
                Optional.of("developer"), Map.of("junit", List.of("rspec.xml", "other.xml"), "dotenv", List.of("build.env"),
                        "coverage_report", List.of("coverage/cobertura.xml"), "browser_performance", List.of("perf.json"),
                        "annotations", List.of("upload_report.json")),
                Optional.of("cobertura")));
    }

    @Test
    void defaultsAndPublic() {
        Artifacts a = read("artifacts: {paths: [a], public: false}").value.orElseThrow();
        assertThat(a.when()).isEqualTo(When.ON_SUCCESS);
        assertThat(a.access()).contains("developer");
        assertThat(read("artifacts: {expire_in: never}").value.orElseThrow().expireIn()).contains("never");
        assertThat(read("artifacts: {reports: {coverage_report: null}}").messages()).isEmpty();
    }

    @Test
    void everyProblemIsReported() {
        var r = read("""
                artifacts:
                  public: true
                  accesss: all
                  when: unknown
                  expose_as: "bad/label"
                  reports: {performance: foo, cyclonedx: {paths: [a]}}
                """);
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).containsExactly(
                "3:3: error[unknown-key]: jobs:test:artifacts config contains unknown key 'accesss' (did you mean 'access'?)",
                "4:9: error[invalid-value]: jobs:test:artifacts:when config should be one of: on_success, on_failure, always",
                "5:14: error[invalid-value]: jobs:test:artifacts:expose_as config can contain only letters, digits, '-',"
                        + " '_' and spaces (at most 100 characters)",
                "2:3: error[missing-key]: jobs:test:artifacts config missing required key 'paths' (needed by expose_as)",
                "6:13: error[unknown-key]: jobs:test:artifacts:reports config contains unknown key 'performance'",
                "6:42: error[invalid-type]: jobs:test:artifacts:reports:cyclonedx config should be a string or an array"
                        + " of strings, found hash");
    }

    @Test
    void exposeAsWantsPathsWithoutGlobs() {
        assertThat(read("artifacts: {expose_as: out, paths: ['*.log']}").messages()).containsExactly(
                "1:36: error[invalid-value]: jobs:test:artifacts:paths config can't contain '*' when used with 'expose_as'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "artifacts: {reports: {browser_performance: }}",
        "artifacts: {reports: {browser_performance: [foo, bar]}}",
        "artifacts: {reports: {cyclonedx: }}",
        "artifacts: {cyclonedx: foo}",
        "artifacts: {reports: {coverage_report: cobertura}}",
        "artifacts: {reports: {coverage_report: {coverage_format: lcov, path: x}}}",
        "artifacts: {when: [always]}",
        "artifacts: {when: true}",
        "artifacts: {access: random}",
        "artifacts: {public: true, access: all}",
        "artifacts: {reports: {annotations: 1}}",
        "artifacts: {paths: [1]}",
        "artifacts: {expire_in: forever}",
        "artifacts: [a]",
    })
    void invalidFormsAreRejected(String yaml) {
        var r = read(yaml);
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).isNotEmpty().allMatch(m -> m.contains("error["));
    }
}
