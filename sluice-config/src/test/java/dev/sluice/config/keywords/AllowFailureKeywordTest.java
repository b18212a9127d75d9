package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.AllowFailure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowFailureKeywordTest {

    private static KeywordFixture<Optional<AllowFailure>> read(String yaml) {
        return KeywordFixture.read("jobs:build:allow_failure", yaml, AllowFailureKeyword::read);
    }

    @Test
    void booleans() {
        assertThat(read("allow_failure: true").value).contains(AllowFailure.YES);
        assertThat(read("allow_failure: false").value).contains(AllowFailure.NO);
    }

    @Test
    void exitCodesAllowFailureOnlyForThoseCodes() {
        AllowFailure one = read("allow_failure: {exit_codes: 137}").value.orElseThrow();
        assertThat(one.exitCodes()).containsExactly(137);
        assertThat(one.allows(137)).isTrue();
        assertThat(one.allows(1)).isFalse();
        assertThat(read("allow_failure: {exit_codes: [137, 255]}").value.orElseThrow().exitCodes()).isEqualTo(List.of(137, 255));
    }

    @Test
    void invalidForms() {
        assertThat(read("allow_failure: 'yes'").messages()).containsExactly(
                "1:16: error[invalid-type]: jobs:build:allow_failure config should be a hash or a boolean value, found string");
        assertThat(read("allow_failure: {exit_code: 1}").messages()).containsExactly(
                "1:17: error[unknown-key]: jobs:build:allow_failure config contains unknown key 'exit_code' (did you mean 'exit_codes'?)",
                "1:16: error[missing-key]: jobs:build:allow_failure config missing required key 'exit_codes'");
        assertThat(read("allow_failure: {exit_codes: [1, x]}").messages()).containsExactly(
                "1:33: error[invalid-type]: jobs:build:allow_failure:exit_codes config should be an integer or an array of integers, found string");
    }
}
