package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceGroupKeywordTest {

    @ParameterizedTest
    @ValueSource(strings = {"production", "deploy/${CI_COMMIT_REF_SLUG}", "my group.v1", "a_b-c"})
    void validNames(String name) {
        var r = KeywordFixture.read("jobs:a:resource_group", "resource_group: '" + name + "'", ResourceGroupKeyword::read);
        assertThat(r.value).contains(name);
        assertThat(r.messages()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/leading", "trailing/", "semi;colon", "star*", ""})
    void invalidNames(String name) {
        var r = KeywordFixture.read("jobs:a:resource_group", "resource_group: '" + name + "'", ResourceGroupKeyword::read);
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).containsExactly("1:17: error[invalid-value]: jobs:a:resource_group config can contain"
                + " only letters, digits, '-', '_', '/', '$', '{', '}', '.', and spaces, but it cannot start or end with '/'");
    }
}
