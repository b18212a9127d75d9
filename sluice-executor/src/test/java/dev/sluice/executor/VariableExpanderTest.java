package dev.sluice.executor;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VariableExpanderTest {

    private final Map<String, String> vars = Map.of("A", "alpha", "B_2", "beta", "-", "dash");

    private String expand(String text) {
        return VariableExpander.expand(text, k -> vars.getOrDefault(k, ""));
    }

    @Test
    void expandsBareAndBracedNames() {
        assertThat(expand("$A/${B_2}/$A.txt")).isEqualTo("alpha/beta/alpha.txt");
    }

    @Test
    void unknownNamesBecomeEmpty() {
        assertThat(expand("x${NOPE}y$NOPE.z")).isEqualTo("xy.z");
    }

    @Test
    void doubleDollarIsOneDollar() {
        assertThat(expand("cost: $$5 and $$A")).isEqualTo("cost: $5 and $A");
    }

    @Test
    void specialAndPositionalNamesBecomeEmpty() {
        assertThat(expand("[$1][$?][$*][${@}][$#]")).isEqualTo("[][][][][]");
    }

    @Test
    void dollarWithoutNameStays() {
        assertThat(expand("a $ b $")).isEqualTo("a $ b $");
        assertThat(expand("100$%")).isEqualTo("100$%");
    }

    @Test
    void badBraceSyntaxIsEaten() {
        assertThat(expand("a${}b")).isEqualTo("ab");
        assertThat(expand("a${b")).isEqualTo("ab");
    }

    @Test
    void expandsOnceOnly() {
        assertThat(VariableExpander.expand("$X", k -> "$A")).isEqualTo("$A");
    }

    @Test
    void textWithoutDollarIsReturnedAsIs() {
        assertThat(expand("plain")).isEqualTo("plain");
    }
}
