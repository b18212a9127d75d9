package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Parallel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelKeywordTest {

    private static KeywordFixture<Optional<Parallel>> read(String yaml) {
        return KeywordFixture.read("jobs:test:parallel", yaml, ParallelKeyword::read);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 200})
    void counts(int n) {
        assertThat(read("parallel: " + n).value).contains(new Parallel(n, List.of()));
    }

    @Test
    void countMessages() {
        assertThat(read("parallel: 0").messages()).containsExactly(
                "1:11: error[out-of-range]: jobs:test:parallel config must be greater than or equal to 1");
        assertThat(read("parallel: 201").messages()).containsExactly(
                "1:11: error[out-of-range]: jobs:test:parallel config must be less than or equal to 200");
        assertThat(read("parallel: '5'").messages()).containsExactly(
                "1:11: error[invalid-type]: jobs:test:parallel config should be an integer or a hash, found string");
    }

    @Test
    void aMatrixKeepsVariableOrderAndCountsItsJobs() {
        var r = read("""
                parallel:
                  matrix:
                    - PROVIDER: aws
                      STACK: [monitoring, app1, app2]
                    - PROVIDER: [gcp, vultr]
                      VERSION: 012
                """);
        assertThat(r.messages()).isEmpty();
        Parallel p = r.value.orElseThrow();
        assertThat(p.count()).isEqualTo(5);
        assertThat(p.matrix().get(0).keySet()).containsExactly("PROVIDER", "STACK");
        assertThat(p.matrix().get(0).get("STACK")).containsExactly("monitoring", "app1", "app2");
        assertThat(p.matrix().get(1).get("VERSION")).containsExactly("10");
    }

    @Test
    void atMost200Jobs() {
        String values = String.join(", ", java.util.Collections.nCopies(201, "v"));
        assertThat(read("parallel: {matrix: [{A: [" + values + "]}]}").messages()).containsExactly(
                "1:20: error[out-of-range]: jobs:test:parallel:matrix config generates too many jobs (maximum is 200)");
    }

    @Test
    void matrixMessages() {
        var r = read("parallel: {matrix: [{A: [x, true]}, {}, a1], not_matrix: 1}");
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).containsExactly(
                "1:46: error[unknown-key]: jobs:test:parallel config contains unknown key 'not_matrix'",
                "1:29: error[invalid-type]: jobs:test:parallel:matrix config should be a hash of key value pairs, value"
                        + " can be an array; 'A' has a value of type boolean",
                "1:37: error[invalid-value]: jobs:test:parallel:matrix config requires at least 1 variable in each entry",
                "1:41: error[invalid-type]: jobs:test:parallel:matrix config should be an array of hashes, found an item"
                        + " of type string");
        assertThat(read("parallel: {matrix: 10}").messages()).containsExactly(
                "1:20: error[invalid-type]: jobs:test:parallel:matrix config should be an array of hashes, found integer");
    }
}
