package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YamlLimits;
import dev.sluice.config.yaml.YamlLoader;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measures the compiler on GitLab's own CI-schema fixtures ({@code shared/corpus/gitlab-schema},
 * see its README): every top-level key of a negative file, alone, must be rejected with a diagnostic
 * inside that key; every top-level key of a positive file must be accepted alone (structure only)
 * or with its whole file. Exceptions are listed with a reason in {@code known-deviations.tsv}.
 */
class SchemaCorpusTest {

    /** Files GitLab's newest spec no longer imports (the corpus README): counted apart. */
    private static final List<String> LEGACY = List.of("negative/cache/", "negative/project_path/trigger/",
            "auto_cancel_pipeline", "negative/variables.yml", "identity_provider.yml");

    record Case(String file, String key, boolean positive, boolean legacy) {
        String id() {
            return file + "\t" + key;
        }
    }

    record Outcome(Case c, boolean ok, String detail) {
    }

    @Test
    void meetsTheBarOnGitLabsSchemaCorpus() throws IOException {
        Path corpus = SharedDir.find().resolve("corpus/gitlab-schema");
        Map<String, String> deviations = knownDeviations();
        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : files(corpus)) {
            outcomes.addAll(measure(corpus, file));
        }
        List<String> report = new ArrayList<>();
        for (boolean positive : new boolean[] {true, false}) {
            for (boolean legacy : new boolean[] {false, true}) {
                List<Outcome> group = outcomes.stream().filter(o -> o.c.positive == positive && o.c.legacy == legacy).toList();
                long ok = group.stream().filter(Outcome::ok).count();
                report.add(String.format("%s %s keys: %d/%d %s (%.1f%%)", legacy ? "legacy" : "current",
                        positive ? "positive" : "negative", ok, group.size(), positive ? "accepted" : "rejected",
                        group.isEmpty() ? 100.0 : 100.0 * ok / group.size()));
            }
        }
        List<String> unexplained = outcomes.stream().filter(o -> !o.ok && !deviations.containsKey(o.c.id()))
                .map(o -> o.c.id() + "\t" + o.detail).toList();
        List<String> stale = deviations.keySet().stream()
                .filter(id -> outcomes.stream().anyMatch(o -> o.ok && o.c.id().equals(id))).toList();
        System.out.println("GitLab schema corpus:\n  " + String.join("\n  ", report));
        assertThat(unexplained).as("cases failing without a reason in known-deviations.tsv").isEmpty();
        assertThat(stale).as("known deviations that now pass: remove them").isEmpty();
        for (boolean positive : new boolean[] {true, false}) {
            List<Outcome> current = outcomes.stream().filter(o -> o.c.positive == positive && !o.c.legacy).toList();
            double rate = (double) current.stream().filter(Outcome::ok).count() / current.size();
            assertThat(rate).as("%s keys handled (bar: 95%%)", positive ? "positive" : "negative").isGreaterThanOrEqualTo(0.95);
        }
    }

    private static List<Path> files(Path corpus) throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static List<Outcome> measure(Path corpus, Path file) throws IOException {
        String rel = corpus.relativize(file).toString().replace('\\', '/');
        boolean positive = rel.startsWith("positive/");
        boolean legacy = LEGACY.stream().anyMatch(rel::contains);
        String text = Files.readString(file);
        Diagnostics loadDiagnostics = new Diagnostics();
        YMap root = (YMap) new YamlLoader(YamlLimits.DEFAULT).load(rel, text, loadDiagnostics).body().orElseThrow();
        if (rel.contains("workflow/auto_cancel/")) {
            return wholeDocuments(rel, root, positive, legacy);
        }
        boolean wholeFileValid = positive && new PipelineCompiler()
                .compile(CompileRequest.of(rel, text).withFiles(new InMemoryFiles(Map.of()))).valid();
        List<Outcome> out = new ArrayList<>();
        List<YMap.Entry> entries = List.copyOf(root.entries());
        for (int i = 0; i < entries.size(); i++) {
            YMap.Entry entry = entries.get(i);
            Case c = new Case(rel, entry.key(), positive, legacy);
            Diagnostics diagnostics = new Diagnostics();
            Map<String, YMap.Entry> one = new LinkedHashMap<>();
            one.put(entry.key(), entry);
            PipelineCompiler.compileMerged(new YMap(one, root.pos()), ConfigLimits.GITLAB, diagnostics, false);
            int endLine = i + 1 < entries.size() ? entries.get(i + 1).keyPos().line() : Integer.MAX_VALUE;
            List<Diagnostic> errors = diagnostics.all().stream().filter(Diagnostic::isError).toList();
            if (positive) {
                boolean ok = errors.isEmpty() || wholeFileValid;
                out.add(new Outcome(c, ok, errors.isEmpty() ? "" : errors.getFirst().format().replace('\n', ' ')));
            } else {
                boolean inside = errors.stream().anyMatch(d -> within(d.pos(), entry.keyPos(), endLine));
                out.add(new Outcome(c, inside, errors.isEmpty() ? "accepted" : "errors elsewhere: " + errors.getFirst().format()));
            }
        }
        return out;
    }

    /** The workflow/auto_cancel pairs: each top-level key's value is a whole document (corpus README). */
    private static List<Outcome> wholeDocuments(String rel, YMap root, boolean positive, boolean legacy) {
        List<Outcome> out = new ArrayList<>();
        for (YMap.Entry entry : root.entries()) {
            Diagnostics diagnostics = new Diagnostics();
            PipelineCompiler.compileMerged((YMap) entry.value(), ConfigLimits.GITLAB, diagnostics, false);
            List<Diagnostic> errors = diagnostics.all().stream().filter(Diagnostic::isError).toList();
            boolean ok = positive == errors.isEmpty();
            out.add(new Outcome(new Case(rel, entry.key(), positive, legacy), ok,
                    errors.isEmpty() ? "accepted" : errors.getFirst().format()));
        }
        return out;
    }

    private static boolean within(SourcePos pos, SourcePos start, int endLine) {
        return pos.line() >= start.line() && pos.line() < endLine;
    }

    private static Map<String, String> knownDeviations() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path file = Path.of("src/test/resources/schema-corpus/known-deviations.tsv");
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            assertThat(parts).as("known-deviations.tsv line needs file, key and reason: %s", line).hasSize(3);
            assertThat(parts[2]).as("reason for %s", line).isNotBlank();
            out.put(parts[0] + "\t" + parts[1], parts[2]);
        }
        return out;
    }
}
