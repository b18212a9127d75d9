package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptKeywordTest {

    @Test
    void aStringIsOneCommand() {
        var r = KeywordFixture.read("jobs:build:script", "script: make", ScriptKeyword::read);
        assertThat(r.value).containsExactly("make");
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void nestedArraysFromAnchorsAreFlattened() {
        var r = KeywordFixture.read("jobs:build:script", "script: [a, [b, [c]], d]", ScriptKeyword::read);
        assertThat(r.value).containsExactly("a", "b", "c", "d");
        assertThat(r.messages()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"before_script: ''", "before_script: []", "after_script: []"})
    void beforeAndAfterScriptMayBeEmptyToOverrideADefault(String yaml) {
        String key = yaml.substring(0, yaml.indexOf(':'));
        var r = KeywordFixture.read("jobs:build:" + key, yaml, ScriptKeyword::read);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).allMatch(String::isEmpty); // '' is one empty command, as GitLab's Array("")
    }

    @Test
    void scriptMayNotBeEmpty() {
        assertThat(KeywordFixture.read("jobs:build:script", "script: []", ScriptKeyword::read).messages())
                .containsExactly("1:9: error[invalid-value]: jobs:build:script config can't be blank");
        assertThat(KeywordFixture.read("jobs:build:script", "script: ''", ScriptKeyword::read).messages())
                .containsExactly("1:9: error[invalid-value]: jobs:build:script config can't be blank");
    }

    @Test
    void everyNonStringItemIsReported() {
        var r = KeywordFixture.read("jobs:build:script", "script: [a, 1, {x: y}]", ScriptKeyword::read);
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).containsExactly(
                "1:13: error[invalid-type]: jobs:build:script config should be a string or a nested array of strings"
                        + " up to 10 levels deep, found an item of type integer",
                "1:16: error[invalid-type]: jobs:build:script config should be a string or a nested array of strings"
                        + " up to 10 levels deep, found an item of type hash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"before_script: 0.1", "after_script: 1", "script: true"})
    void scalarsThatAreNotStringsAreRejected(String yaml) {
        String key = yaml.substring(0, yaml.indexOf(':'));
        var r = KeywordFixture.read("default:" + key, yaml, ScriptKeyword::read);
        assertThat(r.messages()).singleElement().asString().contains("error[invalid-type]: default:" + key
                + " config should be a string or a nested array of strings up to 10 levels deep, found");
    }

    @Test
    void nestingDeeperThanTenLevelsIsRejected() {
        var r = KeywordFixture.read("jobs:build:script", "script: [[[[[[[[[[[x]]]]]]]]]]]", ScriptKeyword::read);
        assertThat(r.messages()).singleElement().asString().contains("error[too-deep]");
        var ten = KeywordFixture.read("jobs:build:script", "script: [[[[[[[[[[x]]]]]]]]]]", ScriptKeyword::read);
        assertThat(ten.value).containsExactly("x");
    }
}
