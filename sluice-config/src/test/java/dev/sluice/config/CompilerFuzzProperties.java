package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Feeds mutated real configurations and random YAML-ish text to the compiler: whatever comes in,
 * no exception escapes, the result is consistent, and no compilation takes a second.
 */
class CompilerFuzzProperties {

    private static final List<String> SEEDS = seeds();
    private static final List<String> FRAGMENTS = List.of(":", "- ", "[", "]", "{", "}", "*a", "&a ", "<<: ", "!reference [",
            "\n", "  ", "'", "\"", "#", "|", ">", "---\n", "~", "null", "extends: ", "needs: ", "parallel: ", "script: ",
            "!!str ", "? ", "%YAML 1.1\n", "\t", "include: ", "rules:\n  - if: ", "$VAR == \"x\"", "matrix:\n - A: [1, 2]\n");

    @Property(tries = 400)
    void mutatedConfigurationsNeverCrash(@ForAll("mutated") String yaml) {
        compileWithinASecond(yaml);
    }

    @Property(tries = 300)
    void randomTextNeverCrashes(@ForAll("yamlish") String yaml) {
        compileWithinASecond(yaml);
    }

    private static void compileWithinASecond(String yaml) {
        CompileResult result = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", yaml)));
        assertThat(result.pipeline().isPresent()).isEqualTo(result.valid());
        result.diagnostics().forEach(d -> assertThat(d.format()).isNotBlank());
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 100_000);
        Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> repeats = Arbitraries.integers().between(1, 6);
        return Combinators.combine(seed, where, fragment, cut, repeats).as((s, w, f, c, r) -> {
            String text = s;
            for (int i = 0; i < r; i++) {
                int at = Math.floorMod(w * (i + 7), text.length() + 1);
                int end = Math.min(text.length(), at + (i % 2 == 0 ? c : 0));
                text = text.substring(0, at) + f + text.substring(end);
            }
            return text;
        });
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map(parts -> String.join("", parts))
                .flatMap(text -> Arbitraries.strings().ofMaxLength(20).map(noise -> "job:\n  " + text + noise));
    }

    private static List<String> seeds() {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
