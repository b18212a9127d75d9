package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoverageKeywordTest {

    @ParameterizedTest
    @ValueSource(strings = {"'/Code coverage: \\d+\\.\\d+/'", "'/^TOTAL.+?(\\d+\\%)$/'", "'/total/i'"})
    void regexes(String yaml) {
        var r = KeywordFixture.read("jobs:a:coverage", "coverage: " + yaml, CoverageKeyword::read);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'no slashes'", "'/(unclosed/'", "'/(a)\\1/'", "'/(?=x)/'"})
    void notRe2Regexes(String yaml) {
        var r = KeywordFixture.read("jobs:a:coverage", "coverage: " + yaml, CoverageKeyword::read);
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).containsExactly(
                "1:11: error[invalid-value]: jobs:a:coverage config must be a regular expression with re2 syntax");
    }
}
