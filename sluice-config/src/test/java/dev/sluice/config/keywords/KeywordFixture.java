package dev.sluice.config.keywords;

import dev.sluice.config.Diagnostics;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YamlLimits;
import dev.sluice.config.yaml.YamlLoader;
import dev.sluice.model.Diagnostic;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads one keyword from a YAML snippet {@code "key: value"} and keeps what it reported, so tests
 * can say: given this value, the keyword reads as X, with exactly these diagnostics.
 */
final class KeywordFixture<T> {

    final T value;
    final Diagnostics diagnostics;

    private KeywordFixture(T value, Diagnostics diagnostics) {
        this.value = value;
        this.diagnostics = diagnostics;
    }

    /** Parses {@code yaml} (a one-key mapping) and reads its value at path {@code path}. */
    static <T> KeywordFixture<T> read(String path, String yaml, BiFunction<YNode, At, T> reader) {
        Diagnostics diagnostics = new Diagnostics();
        YNode doc = new YamlLoader(YamlLimits.DEFAULT).load("test.yml", yaml, diagnostics).body().orElseThrow();
        YNode node = ((YMap) doc).entries().iterator().next().value();
        T value = reader.apply(node, new At(path, diagnostics));
        return new KeywordFixture<>(value, diagnostics);
    }

    /** Every diagnostic as {@code line:col: severity[code]: message}. */
    List<String> messages() {
        return diagnostics.all().stream()
                .map(d -> d.pos().line() + ":" + d.pos().column() + ": " + d.severity().label() + "[" + d.code() + "]: " + d.message())
                .toList();
    }

    List<Diagnostic> all() {
        return diagnostics.all();
    }
}
