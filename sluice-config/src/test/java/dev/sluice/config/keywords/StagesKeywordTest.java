package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.Diagnostics;
import org.junit.jupiter.api.Test;

class StagesKeywordTest {

    @Test
    void absentStagesAreGitLabsDefault() {
        assertThat(StagesKeyword.read(null, new At("stages", new Diagnostics())))
                .containsExactly(".pre", "build", "test", "deploy", ".post");
    }

    @Test
    void preAndPostAlwaysFramTheUserStages() {
        var r = KeywordFixture.read("stages", "stages: [.post, lint, .pre, ship]", StagesKeyword::read);
        assertThat(r.value).containsExactly(".pre", "lint", "ship", ".post");
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void nestedArraysAreFlattenedAndDuplicatesKeptOnceAtTheirFirstPlace() {
        var r = KeywordFixture.read("stages", """
                stages:
                  - pre-test
                  - - py-test
                  - - cloud
                    - client
                  - pre-test
                """, StagesKeyword::read);
        assertThat(r.value).containsExactly(".pre", "pre-test", "py-test", "cloud", "client", ".post");
    }

    @Test
    void integersAreNotStageNames() {
        var r = KeywordFixture.read("stages", "stages: [1, build]", StagesKeyword::read);
        assertThat(r.value).isEqualTo(StagesKeyword.DEFAULT);
        assertThat(r.messages()).containsExactly("1:10: error[invalid-type]: stages config should be an array of strings"
                + " or a nested array of strings up to 10 levels deep, found an item of type integer");
    }

    @Test
    void aStringIsNotAStageList() {
        assertThat(KeywordFixture.read("stages", "stages: build", StagesKeyword::read).messages())
                .containsExactly("1:9: error[invalid-type]: stages config should be an array of strings or a nested"
                        + " array of strings up to 10 levels deep, found string");
    }
}
