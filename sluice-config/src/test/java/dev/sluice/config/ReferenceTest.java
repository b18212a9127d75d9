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
    void reportsCircularChains() {
        var c = CompilerFixture.compile("""
                .loop:
                  script: !reference [.loop, script]
                job:
                  script: !reference [.loop, script]
                """);
        assertThat(c.errors()).anySatisfy(e -> assertThat(e).contains("reference-cycle: !reference [.loop, script] is part of a circular chain"));
    }

    @Test
    void seesWhatATemplateInheritedThroughExtends() {
        var c = CompilerFixture.compile("""
                .defaults:
                  variables: {FOO: foo}
                .wrapper:
                  extends: .defaults
                job:
                  variables: !reference [.wrapper, variables]
                  script: echo $FOO
                """);
        assertThat(c.job("job").variables()).extracting(v -> v.name() + "=" + v.value()).containsExactly("FOO=foo");
    }

    @Test
    void nestsAtMostTenLevels() {
        StringBuilder yaml = new StringBuilder(".r0:\n  script: [x]\n");
        for (int i = 1; i <= 11; i++) {
            yaml.append(".r").append(i).append(":\n  script: [!reference [.r").append(i - 1).append(", script]]\n");
        }
        yaml.append("job:\n  script: !reference [.r11, script]\n");
        // GitLab: references nest at most 10 levels, and so do the lists they splice into a script
        assertThat(CompilerFixture.compile(yaml.toString()).errors()).singleElement().asString().contains("10 levels");
    }
}
