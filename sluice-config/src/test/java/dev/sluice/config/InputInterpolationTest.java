package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InputInterpolationTest {

    private static final String TEMPLATE = """
            spec:
              inputs:
                stage:
                  default: test
                names:
                  type: array
                  default: [a, b]
                retries:
                  type: number
                  default: 1
                flavour:
                  options: [vanilla, chocolate]
                  default: vanilla
                version:
                  regex: ^v\\d+$
                  default: v1
            ---
            $[[ inputs.stage ]]-job:
              stage: $[[ inputs.stage ]]
              retry: $[[ inputs.retries ]]
              script:
                - echo $[[ inputs.names ]] $[[ inputs.flavour | truncate(0,3) ]]
                - $[[ inputs.names ]]
            """;

    private static CompilerFixture compile(String inputs) {
        return CompilerFixture.compile("include:\n  - local: t.yml\n" + inputs + "stages: [build, test]\n", Map.of("t.yml", TEMPLATE));
    }

    @Test
    void defaultsAndGivenValuesAreInterpolatedKeepingTypes() {
        var c = compile("    inputs:\n      stage: build\n");
        var job = c.job("build-job");
        assertThat(job.stage()).isEqualTo("build");
        assertThat(job.retry().max()).isEqualTo(1);
        assertThat(job.script()).containsExactly("echo [\"a\",\"b\"] van", "a", "b");
    }

    @Test
    void inputsAreCheckedAgainstTheSpec() {
        assertThat(compile("    inputs:\n      flavour: mint\n").errors()).singleElement().asString()
                .contains("`flavour` input: `mint` cannot be used because it is not in the list of allowed options");
        assertThat(compile("    inputs:\n      retries: many\n").errors()).singleElement().asString()
                .contains("`retries` input: provided value is not a number");
        assertThat(compile("    inputs:\n      version: 1.0\n").errors()).singleElement().asString()
                .contains("`version` input: provided value is not a string");
        assertThat(compile("    inputs:\n      version: 'x1'\n").errors()).singleElement().asString()
                .contains("`version` input: provided value does not match required RegEx pattern");
        assertThat(compile("    inputs:\n      stag: build\n").errors()).singleElement().asString()
                .contains("unknown input name provided: `stag` in t.yml (did you mean 'stage'?)");
    }

    @Test
    void unknownKeysAndInputsWithoutASpecAreErrors() {
        var unknown = CompilerFixture.compile("include: t.yml\n", Map.of("t.yml", "spec:\n  inputs:\n    a:\n      default: x\n---\njob:\n  script: echo $[[ inputs.b ]]\n"));
        assertThat(unknown.errors()).singleElement().asString().contains("unknown interpolation key: `b` in t.yml");
        var noSpec = CompilerFixture.compile("include:\n  - local: t.yml\n    inputs: {a: 1}\n", Map.of("t.yml", "job:\n  script: x\n"));
        assertThat(noSpec.errors()).singleElement().asString().contains("Given inputs not defined in the `spec` section");
    }
}
