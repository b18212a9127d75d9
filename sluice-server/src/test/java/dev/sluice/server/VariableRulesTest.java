package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VariableRulesTest {

    private static ProjectVariables.Variable v(String key, String value, String type, boolean masked, boolean raw) {
        return new ProjectVariables.Variable(key, value, type, false, masked, raw, "*", null);
    }

    @Test
    void keysAreLettersDigitsAndUnderscores() {
        assertThat(VariableRules.problems(v("DEPLOY_KEY_2", "x", "env_var", false, false))).isEmpty();
        assertThat(VariableRules.problems(v("my-key", "x", "env_var", false, false)))
                .containsEntry("key", java.util.List.of("can contain only letters, digits and '_'."));
        assertThat(VariableRules.problems(v("", "x", "env_var", false, false))).containsKey("key");
        assertThat(VariableRules.problems(v("K".repeat(256), "x", "env_var", false, false))).containsKey("key");
    }

    @Test
    void maskedValuesFollowGitLabsCharacterRules() {
        assertThat(VariableRules.problems(v("K", "abcd1234+/=@:.~-_", "env_var", true, false))).isEmpty();
        assertThat(VariableRules.problems(v("K", "short", "env_var", true, false))).containsKey("value");
        assertThat(VariableRules.problems(v("K", "has space in it", "env_var", true, false))).containsKey("value");
        assertThat(VariableRules.problems(v("K", "two\nlines-here", "env_var", true, false))).containsKey("value");
        assertThat(VariableRules.problems(v("K", "with$VARIABLE", "env_var", true, false))).containsKey("value");
        assertThat(VariableRules.problems(v("K", "with$VARIABLE", "env_var", true, true))).as("raw allows more").isEmpty();
        assertThat(VariableRules.problems(v("K", "raw but spaced", "env_var", true, true))).containsKey("value");
        assertThat(VariableRules.problems(v("K", "anything goes here", "env_var", false, false))).isEmpty();
    }

    @Test
    void theTypeIsEnvVarOrFile() {
        assertThat(VariableRules.problems(v("K", "x", "file", false, false))).isEmpty();
        assertThat(VariableRules.problems(v("K", "x", "secret", false, false))).containsKey("variable_type");
    }
}
