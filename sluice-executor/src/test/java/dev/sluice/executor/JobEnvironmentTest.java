package dev.sluice.executor;

import dev.sluice.model.JobVariable;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobEnvironmentTest {

    private final Path tmp = Path.of("/b/p.tmp");

    @Test
    void theLastOccurrenceWins() {
        var env = JobEnvironment.resolve(List.of(JobVariable.of("A", "low"), JobVariable.of("A", "high")), List.of(), tmp);
        assertThat(env.env()).containsEntry("A", "high");
    }

    @Test
    void expandsOnceAgainstUnexpandedValuesUnlessRaw() {
        var env = JobEnvironment.resolve(List.of(
                JobVariable.of("BASE", "/opt"),
                JobVariable.of("BIN", "$BASE/bin"),
                JobVariable.of("TWICE", "$BIN"),
                JobVariable.of("RAW", "$BASE").asRaw(),
                JobVariable.of("PRICE", "$$5")), List.of(), tmp);
        assertThat(env.env()).containsEntry("BIN", "/opt/bin").containsEntry("TWICE", "$BASE/bin")
                .containsEntry("RAW", "$BASE").containsEntry("PRICE", "$5");
    }

    @Test
    void fileVariablesHoldAPathAndReferencesSeeThePath() {
        var env = JobEnvironment.resolve(List.of(
                JobVariable.of("KUBECONFIG", "apiVersion: v1").asFile(),
                JobVariable.of("ARG", "--config=$KUBECONFIG")), List.of(), tmp);
        assertThat(env.env()).containsEntry("KUBECONFIG", "/b/p.tmp/KUBECONFIG").containsEntry("ARG", "--config=/b/p.tmp/KUBECONFIG");
        assertThat(env.files()).containsEntry(Path.of("/b/p.tmp/KUBECONFIG"), "apiVersion: v1");
    }

    @Test
    void aLaterPlainVariableReplacesAFileOne() {
        var env = JobEnvironment.resolve(List.of(JobVariable.of("F", "x").asFile(), JobVariable.of("F", "plain")), List.of(), tmp);
        assertThat(env.env()).containsEntry("F", "plain");
        assertThat(env.files()).isEmpty();
    }

    @Test
    void runnerVariablesComeLast() {
        var env = JobEnvironment.resolve(List.of(JobVariable.of("CI_PROJECT_DIR", "/wrong"), JobVariable.of("OUT", "$CI_PROJECT_DIR/out")),
                List.of(JobVariable.of("CI_PROJECT_DIR", "/b/p")), tmp);
        assertThat(env.env()).containsEntry("CI_PROJECT_DIR", "/b/p").containsEntry("OUT", "/b/p/out");
    }

    @Test
    void maskedValuesIncludeOverriddenOnesExpanded() {
        var vars = List.of(JobVariable.of("PART", "abc"), JobVariable.of("S", "old-secret").asMasked(),
                JobVariable.of("S", "new-$PART-secret").asMasked(), JobVariable.of("PUBLIC", "x"));
        assertThat(JobEnvironment.maskedValues(vars)).containsExactly("old-secret", "new-abc-secret");
    }
}
