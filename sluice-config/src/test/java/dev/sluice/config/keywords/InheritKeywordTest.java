package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Inherit;
import java.util.List;
import org.junit.jupiter.api.Test;

class InheritKeywordTest {

    private static KeywordFixture<Inherit> read(String yaml) {
        return KeywordFixture.read("jobs:a:inherit", yaml, InheritKeyword::read);
    }

    @Test
    void booleansAndLists() {
        assertThat(read("inherit: {default: false, variables: [A, B]}").value)
                .isEqualTo(new Inherit(false, List.of(), false, List.of("A", "B")));
        Inherit some = read("inherit: {default: [image, retry]}").value;
        assertThat(some.inheritsDefault("image")).isTrue();
        assertThat(some.inheritsDefault("tags")).isFalse();
        assertThat(some.inheritsVariable("ANY")).isTrue();
        assertThat(read("inherit: {}").value).isEqualTo(Inherit.ALL);
    }

    @Test
    void invalidForms() {
        var r = read("inherit: {default: [imag, script], variable: false}");
        assertThat(r.value).isEqualTo(Inherit.ALL);
        assertThat(r.messages()).containsExactly(
                "1:36: error[unknown-key]: jobs:a:inherit config contains unknown key 'variable' (did you mean 'variables'?)");
        assertThat(read("inherit: {default: [imag, script]}").messages()).containsExactly(
                "1:21: error[invalid-value]: jobs:a:inherit:default config contains unknown value 'imag' (did you mean 'image'?)",
                "1:27: error[invalid-value]: jobs:a:inherit:default config contains unknown value 'script'");
        assertThat(read("inherit: {variables: 'no'}").messages()).containsExactly(
                "1:22: error[invalid-type]: jobs:a:inherit:variables config should be a boolean value or an array of strings, found string");
    }
}
