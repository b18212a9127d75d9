package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultsTest {

    @Test
    void defaultsFillOnlyKeysTheJobDoesNotSet() {
        var c = CompilerFixture.compile("""
                default:
                  image: ruby:3
                  before_script: [bundle]
                  tags: [shared]
                a:
                  script: x
                b:
                  image: alpine
                  script: y
                """);
        assertThat(c.job("a").image().orElseThrow().name()).isEqualTo("ruby:3");
        assertThat(c.job("a").beforeScript()).containsExactly("bundle");
        assertThat(c.job("b").image().orElseThrow().name()).isEqualTo("alpine");
        assertThat(c.job("b").tags()).containsExactly("shared");
    }

    @Test
    void inheritLimitsDefaults() {
        var c = CompilerFixture.compile("""
                default:
                  image: ruby:3
                  tags: [shared]
                a:
                  inherit:
                    default: [tags]
                  script: x
                b:
                  inherit:
                    default: false
                  script: y
                """);
        assertThat(c.job("a").image()).isEmpty();
        assertThat(c.job("a").tags()).containsExactly("shared");
        assertThat(c.job("b").tags()).isEmpty();
    }

    @Test
    void deprecatedGlobalsActAsDefaultsWithAWarning() {
        var c = CompilerFixture.compile("image: ruby:3\njob:\n  script: x\n");
        assertThat(c.job("job").image().orElseThrow().name()).isEqualTo("ruby:3");
        assertThat(c.messages()).contains(".gitlab-ci.yml:1:1: warning[deprecated]: global `image` is deprecated, use `default: image`");
    }

    @Test
    void unsupportedKeywordsAreValidatedAndWarned() {
        var c = CompilerFixture.compile("job:\n  script: x\n  release:\n    tag_name: v1\n    description: first\n");
        assertThat(c.result().valid()).isTrue();
        assertThat(c.messages()).anySatisfy(m -> assertThat(m).contains("warning[not-run]: jobs:job:release is validated but Sluice does not run it yet"));
    }
}
