package dev.sluice.executor.docker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.executor.docker.PullPolicy.ALWAYS;
import static dev.sluice.executor.docker.PullPolicy.IF_NOT_PRESENT;
import static dev.sluice.executor.docker.PullPolicy.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PullPolicyTest {

    @Test
    void jobWithoutPolicyUsesTheRunners() {
        assertThat(PullPolicy.resolve(List.of(), List.of(IF_NOT_PRESENT), List.of(IF_NOT_PRESENT))).containsExactly(IF_NOT_PRESENT);
    }

    @Test
    void jobPoliciesKeepTheirOrder() {
        assertThat(PullPolicy.resolve(List.of("always", "if-not-present"), List.of(ALWAYS), List.of(ALWAYS, IF_NOT_PRESENT, NEVER)))
                .containsExactly(ALWAYS, IF_NOT_PRESENT);
    }

    @Test
    void aPolicyTheRunnerDoesNotAllowIsRefusedWithGitlabsWording() {
        assertThatThrownBy(() -> PullPolicy.resolve(List.of("never"), List.of(ALWAYS), List.of(ALWAYS)))
                .hasMessage("pull_policy ([never]) defined in GitLab pipeline config is not one of the allowed_pull_policies ([always])");
    }

    @Test
    void unknownPolicyNamesTheChoices() {
        assertThatThrownBy(() -> PullPolicy.parse("sometimes")).hasMessageContaining("always, if-not-present or never");
    }

    @Test
    void optionsAllowTheRunnersPoliciesByDefault() {
        var options = DockerOptions.defaults().withPullPolicies(List.of("never", "if-not-present"), List.of());
        assertThat(options.allowedPolicies()).containsExactly(NEVER, IF_NOT_PRESENT);
    }
}
