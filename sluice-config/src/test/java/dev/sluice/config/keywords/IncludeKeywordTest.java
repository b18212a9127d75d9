package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.IncludeEntry;
import dev.sluice.config.model.When;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncludeKeywordTest {

    private static KeywordFixture<List<IncludeEntry>> include(String yaml) {
        return KeywordFixture.read("include", yaml, IncludeKeyword::read);
    }

    @Test
    void stringsAreLocalOrRemote() {
        var r = include("include: [ci/build.yml, 'https://example.com/ci.yaml']");
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).extracting(IncludeEntry::kind, IncludeEntry::locations).containsExactly(
                org.assertj.core.groups.Tuple.tuple("local", List.of("ci/build.yml")),
                org.assertj.core.groups.Tuple.tuple("remote", List.of("https://example.com/ci.yaml")));
        assertThat(include("include: ci/one.yml").value).singleElement()
                .satisfies(e -> assertThat(e.pos().line()).isEqualTo(1));
    }

    @Test
    void hashForms() {
        var r = include("""
                include:
                  - local: /ci/*.yml
                    rules:
                      - if: $CI_COMMIT_BRANCH == "main"
                        when: never
                  - project: my-group/lib
                    ref: v1.2
                    file: [a.yml, /b.yaml]
                  - template: Auto-DevOps.gitlab-ci.yml
                  - component: $CI_SERVER_FQDN/org/comp/deploy@1.0
                    inputs: {stage: deploy, replicas: 2, flags: [a, b], extra: null}
                  - remote: https://example.com/x.yml
                    integrity: sha256-L3/GAoKaw0Arw6hDCKeKQlV1QPEgHYxGBHsH4zG1IY8=
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).extracting(IncludeEntry::kind)
                .containsExactly("local", "project", "template", "component", "remote");
        assertThat(r.value.get(0).rules()).singleElement().satisfies(rule -> assertThat(rule.when()).hasValue(When.NEVER));
        assertThat(r.value.get(1)).extracting(IncludeEntry::locations, IncludeEntry::project, IncludeEntry::ref)
                .containsExactly(List.of("a.yml", "/b.yaml"), Optional.of("my-group/lib"), Optional.of("v1.2"));
        Map<String, Object> inputs = r.value.get(3).inputs();
        assertThat(inputs).containsEntry("stage", "deploy").containsEntry("replicas", 2L)
                .containsEntry("flags", List.of("a", "b")).containsEntry("extra", null);
        assertThat(inputs.keySet()).containsExactly("stage", "replicas", "flags", "extra");
    }

    @Test
    void invalidEntries() {
        var r = include("""
                include:
                  - ci/build.txt
                  - ftp://example.com/x.yml
                  - {project: slug, file: a.yml}
                  - {local: a.yml, remote: 'https://x/y.yml'}
                  - {file: a.yml}
                  - {remote: 'http://example.com/x.json'}
                  - {local: a.yml, inputs: {'bad name': 1}}
                  - {project: g/p}
                  - 42
                """);
        assertThat(r.messages()).containsExactly(
                "2:5: error[invalid-value]: include should be a .yml or .yaml file, found 'ci/build.txt'",
                "3:5: error[invalid-value]: include 'ftp://example.com/x.yml' is neither a local file nor an http(s) URL",
                "4:15: error[invalid-value]: include:project should be a project path like group/project, found 'slug'",
                "5:5: error[invalid-combination]: include config should use exactly one of local, project, remote,"
                        + " template, component",
                "6:5: error[invalid-combination]: include config should use exactly one of local, project, remote,"
                        + " template, component ('file' needs 'project')",
                "7:14: error[invalid-value]: include:remote should be an http(s) URL of a .yml or .yaml file, found"
                        + " 'http://example.com/x.json'",
                "8:29: error[invalid-name]: include:inputs input name 'bad name' may only hold letters, digits, '_' and '-'",
                "9:5: error[missing-key]: include config missing required key 'file'",
                "10:5: error[invalid-type]: include config should be a string, a hash or an array of them, found integer");
        assertThat(r.value).isEmpty();
    }

    @Test
    void includeRulesRejectJobRuleKeys() {
        var r = include("""
                include:
                  - local: builds.yml
                    rules:
                      - if: '$INCLUDE_BUILDS == "true"'
                        when: on_success
                """);
        assertThat(r.messages()).containsExactly(
                "5:15: error[invalid-value]: include:rules:rule:when config should be one of: always, never");
    }
}
