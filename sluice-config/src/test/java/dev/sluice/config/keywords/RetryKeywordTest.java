package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Retry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryKeywordTest {

    private static KeywordFixture<Retry> read(String yaml) {
        return KeywordFixture.read("jobs:rspec:retry", yaml, RetryKeyword::read);
    }

    @Test
    void aCount() {
        assertThat(read("retry: 2").value).isEqualTo(new Retry(2, List.of("always"), List.of()));
    }

    @Test
    void theHashForm() {
        var r = read("retry: {max: 1, when: [runner_system_failure, runner_system_failure], exit_codes: 137}");
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).isEqualTo(new Retry(1, List.of("runner_system_failure", "runner_system_failure"), List.of(137)));
        assertThat(read("retry: {when: script_failure}").value).isEqualTo(new Retry(0, List.of("script_failure"), List.of()));
    }

    @Test
    void everyReasonOfTheSpecIsAccepted() {
        var r = read("retry: {max: 2, when: [" + String.join(", ", RetryKeyword.REASONS) + "]}");
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void messagesFollowGitLab() {
        assertThat(read("retry: '2'").messages()).containsExactly(
                "1:8: error[invalid-type]: jobs:rspec:retry config has to be either an integer or a hash");
        assertThat(read("retry: -1").messages()).containsExactly(
                "1:8: error[out-of-range]: jobs:rspec:retry config must be greater than or equal to 0");
        assertThat(read("retry: {max: 3, unknown: 2, when: [api_failure, scrip_failure], exit_codes: [137, 137]}").messages())
                .containsExactly(
                        "1:17: error[unknown-key]: jobs:rspec:retry config contains unknown key 'unknown'",
                        "1:14: error[out-of-range]: jobs:rspec:retry:max config must be less than or equal to 2",
                        "1:49: error[invalid-value]: jobs:rspec:retry:when config should be one of: "
                                + String.join(", ", RetryKeyword.REASONS) + " (did you mean 'script_failure'?)",
                        "1:83: error[duplicate]: jobs:rspec:retry:exit_codes config contains duplicate exit code 137");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "retry: {max: 2, when: gitlab-ci-retry-object-unknown-when}",
        "retry: {max: 2, exit_codes: '137'}",
        "retry: {max: 2, exit_codes: [137, '1']}",
        "retry: [1]",
    })
    void schemaCorpusNegativesAreRejected(String yaml) {
        var r = read(yaml);
        assertThat(r.value).isEqualTo(Retry.NONE);
        assertThat(r.messages()).isNotEmpty();
    }
}
