package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Variable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VariablesKeywordTest {

    private static KeywordFixture<List<Variable>> top(String yaml) {
        return KeywordFixture.read("variables", yaml, (n, at) -> VariablesKeyword.read(n, at, true));
    }

    private static KeywordFixture<List<Variable>> job(String yaml) {
        return KeywordFixture.read("jobs:rspec:variables", yaml, (n, at) -> VariablesKeyword.read(n, at, false));
    }

    @Test
    void valuesKeepPsychsCanonicalText() {
        var r = top("""
                variables:
                  TEST_VAR: "hello world!"
                  123456: "123456"
                  OCTAL: 012345
                  QUOTED: "012345"
                  EMPTY: ""
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).extracting(Variable::name).containsExactly("TEST_VAR", "123456", "OCTAL", "QUOTED", "EMPTY");
        assertThat(r.value).extracting(Variable::value).containsExactly("hello world!", "123456", "5349", "012345", "");
        assertThat(r.value.getFirst().pos().line()).isEqualTo(2);
    }

    @Test
    void theObjectFormAtTopLevel() {
        var r = top("""
                variables:
                  DEPLOY:
                    value: staging
                    options: [production, staging]
                    description: The target
                  RAW: {value: "Hello $FOO", expand: false}
                  DESCRIBED_ONLY: {description: A multi-value variable}
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value.get(0)).isEqualTo(new Variable("DEPLOY", "staging", true, Optional.of("The target"),
                List.of("production", "staging"), r.value.get(0).pos()));
        assertThat(r.value.get(1).expand()).isFalse();
        assertThat(r.value.get(2).value()).isEmpty();
    }

    @Test
    void descriptionAndOptionsOnlyAtTopLevel() {
        var r = job("variables: {A: {value: x, description: d, options: [x]}, B: {value: y, expand: false}}");
        assertThat(r.value).extracting(Variable::name).containsExactly("B");
        assertThat(r.messages()).containsExactly(
                "1:27: error[invalid-key]: jobs:rspec:variables:A config uses 'description', which is only allowed in top-level variables",
                "1:43: error[invalid-key]: jobs:rspec:variables:A config uses 'options', which is only allowed in top-level variables");
    }

    @Test
    void valueMustBeOneOfTheOptions() {
        assertThat(top("variables: {A: {value: canary, options: [staging]}}").messages()).containsExactly(
                "1:24: error[invalid-value]: variables:A config value must be present in options");
    }

    @Test
    void booleansAndFloatsAreNotValuesButNullIsEmpty() {
        var r = job("variables: {A: true, B: 1.5, C: , D: ok}");
        assertThat(r.value).extracting(Variable::name, Variable::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C", ""), org.assertj.core.groups.Tuple.tuple("D", "ok"));
        assertThat(r.messages()).containsExactly(
                "1:16: error[invalid-type]: jobs:rspec:variables:A config should be a string, an integer or a hash, found boolean (quote it to make it a string)",
                "1:25: error[invalid-type]: jobs:rspec:variables:B config should be a string, an integer or a hash, found float (quote it to make it a string)");
    }

    @Test
    void schemaCorpusNegatives() {
        assertThat(top("variables: {FOO: {value: BAR, desc: A single value variable}}").messages()).containsExactly(
                "1:31: error[unknown-key]: variables:FOO config contains unknown key 'desc'");
        assertThat(top("variables: {INVALID_OPTIONS: {value: staging, options: staging}}").messages()).containsExactly(
                "1:56: error[invalid-type]: variables:INVALID_OPTIONS:options config should be an array of strings, found string");
        assertThat(top("variables: {RAW_VAR: {value: x, expand: okay}}").messages()).containsExactly(
                "1:41: error[invalid-type]: variables:RAW_VAR:expand config should be a boolean value, found string");
    }

    @Test
    void aNameAShellCannotExportIsOnlyAWarning() {
        var r = job("variables: {MY-VAR: x}");
        assertThat(r.value).hasSize(1);
        assertThat(r.messages()).containsExactly(
                "1:13: warning[invalid-name]: variable name 'MY-VAR' should contain only letters, digits and '_'");
    }

    @Test
    void aListIsNotAHash() {
        assertThat(job("variables: [A]").messages()).containsExactly(
                "1:12: error[invalid-type]: jobs:rspec:variables config should be a hash, found array");
        assertThat(job("variables:").messages()).isEmpty();
    }
}
