package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.When;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhenKeywordTest {

    private static final EnumSet<When> JOB = EnumSet.complementOf(EnumSet.of(When.NEVER));

    private static KeywordFixture<Optional<When>> read(String yaml) {
        return KeywordFixture.read("jobs:build:when", yaml, (n, at) -> WhenKeyword.read(n, at, JOB));
    }

    @Test
    void anAllowedValue() {
        assertThat(read("when: manual").value).contains(When.MANUAL);
        assertThat(read("when: on_failure").messages()).isEmpty();
    }

    @Test
    void aMisspellingGetsASuggestion() {
        assertThat(read("when: on_sucess").messages()).containsExactly("1:7: error[invalid-value]: jobs:build:when config"
                + " should be one of: on_success, on_failure, always, manual, delayed (did you mean 'on_success'?)");
    }

    @Test
    void neverIsOnlyAllowedWhereTheCallerSays() {
        assertThat(read("when: never").value).isEmpty();
        assertThat(KeywordFixture.read("rules:when", "when: never",
                (n, at) -> WhenKeyword.read(n, at, EnumSet.allOf(When.class))).value).contains(When.NEVER);
    }

    @Test
    void booleansAndArraysAreRejected() {
        assertThat(read("when: true").messages()).singleElement().asString().startsWith("1:7: error[invalid-value]");
        assertThat(read("when: [on_success]").messages()).containsExactly("1:7: error[invalid-value]: jobs:build:when"
                + " config should be one of: on_success, on_failure, always, manual, delayed, found array");
    }
}
