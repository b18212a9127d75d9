package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class TagsKeywordTest {

    @Test
    void anArrayOfStringsFlattened() {
        var r = KeywordFixture.read("jobs:a:tags", "tags: [linux, [docker, $RUNNER]]", TagsKeyword::read);
        assertThat(r.value).containsExactly("linux", "docker", "$RUNNER");
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void invalidForms() {
        assertThat(KeywordFixture.read("jobs:a:tags", "tags: linux", TagsKeyword::read).messages())
                .containsExactly("1:7: error[invalid-type]: jobs:a:tags config should be an array of strings, found string");
        assertThat(KeywordFixture.read("jobs:a:tags", "tags: [1]", TagsKeyword::read).messages()).containsExactly(
                "1:8: error[invalid-type]: jobs:a:tags config should be an array of strings up to 10 levels deep,"
                        + " found an item of type integer");
    }

    @Test
    void fiftyTagsIsTooMany() {
        String many = String.join(", ", Collections.nCopies(49, "t"));
        assertThat(KeywordFixture.read("jobs:a:tags", "tags: [" + many + "]", TagsKeyword::read).value).hasSize(49);
        assertThat(KeywordFixture.read("jobs:a:tags", "tags: [" + many + ", t]", TagsKeyword::read).messages())
                .containsExactly("1:7: error[too-many]: jobs:a:tags config must be less than the limit of 50 tags");
    }
}
