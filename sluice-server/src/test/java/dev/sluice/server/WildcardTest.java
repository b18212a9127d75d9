package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WildcardTest {

    @Test
    void aStarMatchesAnyCharactersSlashesIncludedAndTheRestIsLiteral() {
        assertThat(Wildcard.matches("main", "main")).isTrue();
        assertThat(Wildcard.matches("main", "main2")).isFalse();
        assertThat(Wildcard.matches("release/*", "release/1.0")).isTrue();
        assertThat(Wildcard.matches("release/*", "release/a/b")).isTrue();
        assertThat(Wildcard.matches("release/*", "release")).isFalse();
        assertThat(Wildcard.matches("*-stable", "13-7-stable")).isTrue();
        assertThat(Wildcard.matches("v1.*", "v1x2")).as("a dot is literal").isFalse();
        assertThat(Wildcard.matches("review/*/app", "review/x/app")).isTrue();
        assertThat(Wildcard.matches("*", "")).isTrue();
    }
}
