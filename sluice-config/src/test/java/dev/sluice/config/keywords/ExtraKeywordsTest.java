package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtraKeywordsTest {

    private static KeywordFixture<Optional<Object>> extra(String keyword, String yaml) {
        return KeywordFixture.read("jobs:job:" + keyword, yaml, (n, at) -> ExtraKeywords.read(keyword, n, at));
    }

    @Test
    @SuppressWarnings("unchecked")
    void releaseAsPlainData() {
        var r = extra("release", """
                release:
                  tag_name: v$CI_PIPELINE_IID
                  description: ./CHANGELOG.md
                  released_at: '2024-01-31T12:00:00Z'
                  milestones: [m1]
                  assets:
                    links:
                      - {name: bin, url: 'https://example.com/bin', link_type: package}
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).hasValueSatisfying(v -> assertThat((Map<String, Object>) v)
                .containsEntry("tag_name", "v$CI_PIPELINE_IID")
                .containsEntry("milestones", List.of("m1")));
    }

    @Test
    void releaseProblems() {
        var r = extra("release", """
                release:
                  name: x
                  released_at: yesterday
                  assets: {links: [{name: bin, link_type: zip}]}
                """);
        assertThat(r.messages()).containsExactly(
                "2:3: error[missing-key]: jobs:job:release config missing required key 'tag_name'",
                "2:3: error[missing-key]: jobs:job:release config missing required key 'description'",
                "3:16: error[invalid-value]: jobs:job:release:released_at should be an ISO 8601 date and time like"
                        + " 2024-01-31T12:00:00Z, found 'yesterday'",
                "4:20: error[missing-key]: jobs:job:release:assets:links config missing required key 'url'",
                "4:43: error[invalid-value]: jobs:job:release:assets:links:link_type config should be one of: runbook,"
                        + " package, image, other");
        assertThat(r.value).isEmpty();
    }

    @Test
    void simpleKeywords() {
        assertThat(extra("pages", "pages: true").value).hasValue(true);
        assertThat(extra("pages", "pages: {publish: dist, expire_in: 1 week}").value).hasValue(
                Map.of("publish", "dist", "expire_in", "1 week"));
        assertThat(extra("publish", "publish: public").value).hasValue("public");
        assertThat(extra("identity", "identity: google_cloud").value).hasValue("google_cloud");
        assertThat(extra("identity", "identity: unknown").messages()).containsExactly(
                "1:11: error[invalid-value]: jobs:job:identity config should be one of: google_cloud");
        assertThat(extra("manual_confirmation", "manual_confirmation: Sure?").value).hasValue("Sure?");
        assertThat(extra("dast_configuration", "dast_configuration: {}").value).hasValue(Map.of());
        assertThat(extra("dast_configuration", "dast_configuration: {site_profile: a, dast_profile: b}").messages())
                .containsExactly("1:39: error[unknown-key]: jobs:job:dast_configuration config contains unknown key"
                        + " 'dast_profile'");
    }

    @Test
    void idTokensAndHooks() {
        assertThat(extra("id_tokens", "id_tokens: {T: {aud: [a, b]}, U: {aud: x}}").messages()).isEmpty();
        assertThat(extra("id_tokens", "id_tokens: {T: {aud: x, sub: y}}").messages()).containsExactly(
                "1:25: error[unknown-key]: jobs:job:id_tokens:T config contains unknown key 'sub'");
        assertThat(extra("hooks", "hooks: {pre_get_sources_script: [echo hi]}").value)
                .hasValue(Map.of("pre_get_sources_script", List.of("echo hi")));
        assertThat(extra("hooks", "hooks: {pre_get_sources_script: true}").messages()).containsExactly(
                "1:33: error[invalid-type]: jobs:job:hooks:pre_get_sources_script config should be a string or an array"
                        + " of strings, found boolean");
    }

    @Test
    void secrets() {
        assertThat(extra("secrets", """
                secrets:
                  DB: {vault: {engine: {name: kv-v2, path: ops}, path: db, field: password}, file: false}
                  GCP: {gcp_secret_manager: {name: s, version: 2}, token: $ID_TOKEN}
                  AWS: {aws_secrets_manager: my-secret}
                """).messages()).isEmpty();
        assertThat(extra("secrets", """
                secrets:
                  A: {token: $T}
                  B: {gcp_secret_manager: {name: s}}
                  C: {azure_key_vault: {version: latest}}
                """).messages()).containsExactly(
                "2:6: error[missing-key]: jobs:job:secrets:A config should name a secret provider: vault,"
                        + " gcp_secret_manager, azure_key_vault, aws_secrets_manager, gitlab_secrets_manager, akeyless",
                "3:6: error[missing-key]: jobs:job:secrets:B config missing required key 'token' (needed by"
                        + " gcp_secret_manager)",
                "4:24: error[missing-key]: jobs:job:secrets:C:azure_key_vault config missing required key 'name'");
    }

    @Test
    void runSteps() {
        assertThat(extra("run", """
                run:
                  - name: build
                    script: make
                    env: {CC: gcc}
                  - name: lint
                    step: {git: {url: gitlab.com/steps/lint, rev: v1}}
                    inputs: {strict: true}
                """).messages()).isEmpty();
        assertThat(extra("run", """
                run:
                  - name: both
                    step: a/b
                    script: echo
                  - name: 1bad
                    script: [echo]
                """).messages()).containsExactly(
                "4:5: error[unknown-key]: jobs:job:run config contains unknown key 'script'",
                "5:11: error[invalid-value]: jobs:job:run:name should be letters, digits and '_', not starting with a"
                        + " digit, found '1bad'",
                "6:13: error[invalid-type]: jobs:job:run:script config should be a string, found array");
        assertThat(extra("run", "run: ''").messages()).containsExactly(
                "1:6: error[invalid-type]: jobs:job:run config should be an array of steps, found string");
    }

    @Test
    void jobInputs() {
        assertThat(extra("inputs", """
                inputs:
                  env: {default: staging, options: [staging, production]}
                  count: {type: number, default: 3}
                  debug: {type: boolean, default: false}
                  tags: {type: array, default: [a]}
                """).messages()).isEmpty();
        assertThat(extra("inputs", """
                inputs:
                  a: {type: string}
                  b: {default: 42}
                  c: {type: object, default: {}}
                """).messages()).containsExactly(
                "2:6: error[missing-key]: jobs:job:inputs:a config missing required key 'default'",
                "3:16: error[invalid-type]: jobs:job:inputs:b:default should be of type string, found integer",
                "4:13: error[invalid-value]: jobs:job:inputs:c:type config should be one of: array, boolean, number, string",
                "4:30: error[invalid-type]: jobs:job:inputs:c:default should be of type string, found hash");
    }
}
