package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceTest {

    @Test
    void splicesReferencedScriptsAndFlattensNestedLists() {
        var c = CompilerFixture.compile("""
                .setup:
                  script: [a, b]
                .more:
                  script:
                    - !reference [.setup, script]
                    - c
                job:
                  script:
                    - !reference [.more, script]
                    - d
                """);
        assertThat(c.job("job").script()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void reportsAMissingTargetWithASuggestion() {
        var c = CompilerFixture.compile("""
                .setup:
                  script: [a]
                job:
                  script: !reference [.setup, scirpt]
                """);
        assertThat(c.errors()).contains(
                ".gitlab-ci.yml:4:11: reference-not-found: !reference [.setup, scirpt] could not be found (did you mean 'script'?)");
    }

    @Test
    void boundsSelfReferences() {
        var c = CompilerFixture.compile("""
                .loop:
                  script: !reference [.loop, script]
                job:
                  script: !reference [.loop, script]
                """);
        assertThat(c.errors()).anySatisfy(e -> assertThat(e).contains("reference-too-deep"));
    }
}
