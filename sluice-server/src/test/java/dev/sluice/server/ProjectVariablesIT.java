package dev.sluice.server;

import static dev.sluice.server.Rest.call;
import static dev.sluice.server.Rest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project CI/CD variables over HTTP: GitLab's API and validation, and what reaches a job's payload. */
class ProjectVariablesIT {

    @TempDir
    Path tmp;
    Coordinator server;

    @BeforeEach
    void start() {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ZERO).withAdminToken(Http.ADMIN_TOKEN));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theApiKeepsGitLabsShapeAndRules() throws Exception {
        long p = Rest.project(server, tmp, "app", "job:\n  script: [echo]\n");
        String vars = "/projects/" + p + "/variables";

        var created = ok(201, call(server, "POST", vars,
                "{\"key\":\"TOKEN\",\"value\":\"abcd1234efgh\",\"masked\":true,\"protected\":true,\"description\":\"deploy\"}"));
        assertThat(created.get("key").asText()).isEqualTo("TOKEN");
        assertThat(created.get("value").asText()).as("returned, as GitLab does for maintainers").isEqualTo("abcd1234efgh");
        assertThat(created.get("variable_type").asText()).isEqualTo("env_var");
        assertThat(created.get("masked").asBoolean()).isTrue();
        assertThat(created.get("protected").asBoolean()).isTrue();
        assertThat(created.get("raw").asBoolean()).isFalse();
        assertThat(created.get("environment_scope").asText()).isEqualTo("*");
        assertThat(created.get("description").asText()).isEqualTo("deploy");

        var shortMasked = call(server, "POST", vars, "{\"key\":\"SHORT\",\"value\":\"abc\",\"masked\":true}");
        assertThat(shortMasked.statusCode()).isEqualTo(400);
        assertThat(CoordinatorIT.json(shortMasked.body()).get("message").get("value").get(0).asText()).startsWith("is invalid");
        assertThat(shortMasked.body()).doesNotContain("\"abc\"");
        var badKey = call(server, "POST", vars, "{\"key\":\"NO-DASH\",\"value\":\"x\"}");
        assertThat(CoordinatorIT.json(badKey.body()).get("message").get("key").get(0).asText())
                .isEqualTo("can contain only letters, digits and '_'.");
        assertThat(call(server, "POST", vars, "{\"key\":\"X\",\"value\":\"x\",\"variable_type\":\"nope\"}").statusCode()).isEqualTo(400);
        var taken = call(server, "POST", vars, "{\"key\":\"TOKEN\",\"value\":\"other\"}");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(CoordinatorIT.json(taken.body()).get("message").get("key").get(0).asText()).isEqualTo("(TOKEN) has already been taken");

        ok(201, call(server, "POST", vars, "{\"key\":\"TOKEN\",\"value\":\"production1\",\"environment_scope\":\"production\"}"));
        assertThat(ok(200, call(server, "GET", vars, null))).hasSize(2);
        assertThat(call(server, "GET", vars + "/TOKEN", null).statusCode()).as("two scopes: say which").isEqualTo(409);
        assertThat(ok(200, call(server, "GET", vars + "/TOKEN?filter[environment_scope]=production", null)).get("value").asText())
                .isEqualTo("production1");

        var updated = ok(200, call(server, "PUT", vars + "/TOKEN?filter[environment_scope]=production",
                "{\"value\":\"changed\",\"variable_type\":\"file\"}"));
        assertThat(updated.get("value").asText()).isEqualTo("changed");
        assertThat(updated.get("variable_type").asText()).isEqualTo("file");
        assertThat(updated.get("environment_scope").asText()).as("unchanged fields stay").isEqualTo("production");
        assertThat(call(server, "PUT", vars + "/TOKEN?filter[environment_scope]=*", "{\"value\":\"no good\"}").statusCode())
                .as("still masked: the new value must be maskable").isEqualTo(400);

        assertThat(call(server, "DELETE", vars + "/TOKEN?filter[environment_scope]=production", null).statusCode()).isEqualTo(204);
        assertThat(ok(200, call(server, "GET", vars + "/TOKEN", null)).get("environment_scope").asText()).isEqualTo("*");
        assertThat(call(server, "GET", vars + "/MISSING", null).statusCode()).isEqualTo(404);
        assertThat(call(server, "GET", "/projects/999/variables", null).statusCode()).isEqualTo(404);
        assertThat(call(server, "GET", "/projects/abc/variables", null).statusCode()).isEqualTo(404);
    }

    @Test
    void formParametersWorkAsWithGitLab() throws Exception {
        long p = Rest.project(server, tmp, "app", "job:\n  script: [echo]\n");
        var r = Http.api("POST", server.url() + "/api/v4/projects/" + p + "/variables", "key=FORM_KEY&value=v1&protected=true",
                "Content-Type", "application/x-www-form-urlencoded");
        var created = ok(201, r);
        assertThat(created.get("key").asText()).isEqualTo("FORM_KEY");
        assertThat(created.get("protected").asBoolean()).isTrue();
    }

    @Test
    void variablesReachTheJobWithGitLabsPrecedenceProtectionAndScopes() throws Exception {
        long p = Rest.project(server, tmp, "app", """
                variables:
                  FROM_GLOBAL: yaml-global
                  OVERRIDDEN: yaml-global
                deploy:
                  variables:
                    JOB_LEVEL: yaml-job
                  environment: review/$CI_COMMIT_REF_SLUG
                  script: [echo]
                plain:
                  script: [echo]
                gated:
                  rules:
                    - if: $OVERRIDDEN == "project"
                  script: [echo]
                """, "feature");
        String vars = "/projects/" + p + "/variables";
        for (String body : new String[] {
                "{\"key\":\"OVERRIDDEN\",\"value\":\"project\"}",
                "{\"key\":\"JOB_LEVEL\",\"value\":\"project\"}",
                "{\"key\":\"PIPELINE_WINS\",\"value\":\"project\"}",
                "{\"key\":\"SECRET\",\"value\":\"Sup3r-s3cret\",\"masked\":true}",
                "{\"key\":\"KUBECONFIG\",\"value\":\"apiVersion: v1\",\"variable_type\":\"file\"}",
                "{\"key\":\"RAW\",\"value\":\"$NOT_EXPANDED\",\"raw\":true}",
                "{\"key\":\"PROD_ONLY\",\"value\":\"p\",\"protected\":true}",
                "{\"key\":\"SCOPED\",\"value\":\"any\"}",
                "{\"key\":\"SCOPED\",\"value\":\"review-pattern\",\"environment_scope\":\"review/*\"}",
                "{\"key\":\"SCOPED\",\"value\":\"review-main\",\"environment_scope\":\"review/main\"}",
                "{\"key\":\"STAGING\",\"value\":\"s\",\"environment_scope\":\"staging\"}"}) {
            ok(201, call(server, "POST", vars, body));
        }
        String runner = Rest.runner(server, "").get("token").asText();

        ok(201, call(server, "POST", "/projects/" + p + "/pipeline?ref=main",
                "{\"variables\":[{\"key\":\"PIPELINE_WINS\",\"value\":\"pipeline\"}]}"));
        var main = takeAll(runner);
        assertThat(main.keySet()).as("the rule sees project variables").containsExactlyInAnyOrder("deploy", "plain", "gated");
        var deploy = main.get("deploy");
        assertThat(value(deploy, "FROM_GLOBAL")).isEqualTo("yaml-global");
        assertThat(value(deploy, "OVERRIDDEN")).as("project beats global YAML").isEqualTo("project");
        assertThat(value(deploy, "JOB_LEVEL")).as("project beats job YAML").isEqualTo("project");
        assertThat(value(deploy, "PIPELINE_WINS")).as("pipeline beats project").isEqualTo("pipeline");
        assertThat(Rest.variable(deploy, "SECRET").get("masked").asBoolean()).isTrue();
        assertThat(Rest.variable(deploy, "KUBECONFIG").get("file").asBoolean()).isTrue();
        assertThat(Rest.variable(deploy, "RAW").get("raw").asBoolean()).isTrue();
        assertThat(value(deploy, "CI_COMMIT_REF_PROTECTED")).as("main is protected on creation").isEqualTo("true");
        assertThat(value(deploy, "PROD_ONLY")).as("protected variable on a protected ref").isEqualTo("p");
        assertThat(value(deploy, "SCOPED")).as("the exact scope beats the pattern and *").isEqualTo("review-main");
        assertThat(value(deploy, "STAGING")).isNull();
        assertThat(value(main.get("plain"), "SCOPED")).as("no environment: only *").isEqualTo("any");

        Rest.pipeline(server, p, "feature");
        var feature = takeAll(runner);
        assertThat(feature.keySet()).containsExactlyInAnyOrder("deploy", "plain", "gated");
        assertThat(value(feature.get("deploy"), "CI_COMMIT_REF_PROTECTED")).isEqualTo("false");
        assertThat(value(feature.get("deploy"), "PROD_ONLY")).as("never on an unprotected ref").isNull();
        assertThat(value(feature.get("deploy"), "SCOPED")).isEqualTo("review-pattern");
        assertThat(value(feature.get("deploy"), "PIPELINE_WINS")).isEqualTo("project");
    }

    private Map<String, JsonNode> takeAll(String runner) throws Exception {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode job = Rest.take(server, runner); job != null; job = Rest.take(server, runner)) {
            byName.put(job.get("job_info").get("name").asText(), job);
        }
        return byName;
    }

    private static String value(JsonNode payload, String key) {
        JsonNode v = Rest.variable(payload, key);
        return v == null ? null : v.get("value").asText();
    }
}
