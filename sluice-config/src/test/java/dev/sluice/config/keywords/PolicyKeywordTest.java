package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Changes;
import dev.sluice.config.model.Policy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyKeywordTest {

    private static KeywordFixture<Policy> only(String yaml) {
        return KeywordFixture.read("jobs:build:only", yaml, PolicyKeyword::read);
    }

    @Test
    void arrayFormIsRefs() {
        var r = only("only: [main, /^release-.*$/, tags]");
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).isEqualTo(new Policy(List.of("main", "/^release-.*$/", "tags"), List.of(), Optional.empty(),
                Optional.empty()));
    }

    @Test
    void hashForm() {
        var r = only("""
                only:
                  refs: [branches]
                  variables: [$CI_COMMIT_MESSAGE =~ /run-e2e/, $DEPLOY == "yes"]
                  changes: {paths: [Dockerfile], compare_to: main}
                  kubernetes: active
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).isEqualTo(new Policy(List.of("branches"),
                List.of("$CI_COMMIT_MESSAGE =~ /run-e2e/", "$DEPLOY == \"yes\""),
                Optional.of(new Changes(List.of("Dockerfile"), Optional.of("main"))), Optional.of("active")));
    }

    @Test
    void nullIsAnEmptyPolicy() {
        var r = only("only:");
        assertThat(r.messages()).isEmpty();
        assertThat(r.value.refs()).isEmpty();
    }

    @Test
    void otherShapesAreRejectedWithGitLabsWording() {
        assertThat(only("only: main").messages()).containsExactly(
                "1:7: error[invalid-type]: jobs:build:only has to be either an array of conditions or a hash, found string");
    }

    @Test
    void invalidEntries() {
        var r = only("""
                only:
                  refs: [main, /(unclosed/]
                  variables: [$A = "x"]
                  kubernetes: passive
                  tags: [x]
                """);
        assertThat(r.messages()).containsExactly(
                "5:3: error[unknown-key]: jobs:build:only config contains unknown key 'tags'",
                "2:16: error[invalid-regex]: jobs:build:only:refs config should be an array of strings or regular"
                        + " expressions; /(unclosed/ is not a valid regular expression: missing closing ): (unclosed",
                "3:15: error[invalid-expression]: jobs:build:only:variables invalid expression syntax in '$A = \"x\"':"
                        + " unknown operator '=': operators are ==, !=, =~, !~, && and || (column 4)",
                "4:15: error[invalid-value]: jobs:build:only:kubernetes config should be one of: active");
        assertThat(r.value.refs()).containsExactly("main");
    }
}
