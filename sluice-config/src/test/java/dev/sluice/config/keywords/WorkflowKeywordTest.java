package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.AutoCancel;
import dev.sluice.config.model.When;
import dev.sluice.config.model.Workflow;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowKeywordTest {

    private static KeywordFixture<Workflow> workflow(String yaml) {
        return KeywordFixture.read("workflow", yaml, WorkflowKeyword::read);
    }

    @Test
    void readsNameRulesAndAutoCancel() {
        var r = workflow("""
                workflow:
                  name: 'Pipeline for $CI_COMMIT_REF_NAME'
                  auto_cancel:
                    on_new_commit: interruptible
                    on_job_failure: all
                  rules:
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                    - when: never
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value.name()).hasValue("Pipeline for $CI_COMMIT_REF_NAME");
        assertThat(r.value.autoCancel()).isEqualTo(new AutoCancel(Optional.of("interruptible"), Optional.of("all")));
        assertThat(r.value.rules()).hasValueSatisfying(rules -> assertThat(rules).hasSize(2)
                .last().satisfies(rule -> assertThat(rule.when()).hasValue(When.NEVER)));
    }

    @Test
    void withoutRulesTheRulesAreUnset() {
        var r = workflow("workflow: {name: x}");
        assertThat(r.value.rules()).isEmpty();
        assertThat(r.value.autoCancel()).isEqualTo(AutoCancel.UNSET);
        assertThat(workflow("workflow:").value).isEqualTo(Workflow.NONE);
    }

    @Test
    void reportsInvalidValues() {
        var r = workflow("""
                workflow:
                  name: ''
                  auto_cancel: {on_new_commit: always, on_job_failure: unexpected_value}
                  rulez: []
                """);
        assertThat(r.messages()).containsExactly(
                "4:3: error[unknown-key]: workflow config contains unknown key 'rulez' (did you mean 'rules'?)",
                "2:9: error[out-of-range]: workflow:name should be 1 to 255 characters long, found 0",
                "3:32: error[invalid-value]: workflow:auto_cancel:on_new_commit config should be one of: conservative,"
                        + " interruptible, none",
                "3:56: error[invalid-value]: workflow:auto_cancel:on_job_failure config should be one of: none, all");
        assertThat(workflow("workflow: {name: " + "n".repeat(256) + "}").messages()).singleElement()
                .asString().endsWith("workflow:name should be 1 to 255 characters long, found 256");
        assertThat(workflow("workflow: []").messages()).containsExactly(
                "1:11: error[invalid-type]: workflow config should be a hash, found array");
    }
}
