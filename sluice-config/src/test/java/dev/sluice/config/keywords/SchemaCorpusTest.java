package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.Diagnostics;
import dev.sluice.config.model.When;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YamlLimits;
import dev.sluice.config.yaml.YamlLoader;
import dev.sluice.model.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * GitLab's own schema fixtures for the keywords read in this package: each top-level key of a
 * positive file must read without errors, each one of a negative file with at least one error
 * inside that key. Keys are read on their own, as GitLab's schema test does.
 */
class SchemaCorpusTest {

    private static final Path ROOT = root();

    @TestFactory
    Stream<DynamicTest> positiveKeysAreAccepted() {
        return cases("positive").map(c -> DynamicTest.dynamicTest(c.name(), () ->
                assertThat(errors(c)).as(c.name()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> negativeKeysAreRejected() {
        return cases("negative").map(c -> DynamicTest.dynamicTest(c.name(), () ->
                assertThat(errors(c)).as(c.name())
                        .anyMatch(d -> d.pos().line() >= c.firstLine() && d.pos().line() <= c.lastLine())));
    }

    /** One top-level key of a corpus file, with the lines it spans. */
    record Case(String name, String key, YNode value, int firstLine, int lastLine) {
    }

    private static List<Diagnostic> errors(Case c) {
        Diagnostics diagnostics = new Diagnostics();
        read(c.key(), c.value(), new At(c.key().equals("include") || c.key().equals("workflow") ? c.key()
                : "jobs:" + c.key(), diagnostics));
        return diagnostics.all().stream().filter(Diagnostic::isError).toList();
    }

    /** Dispatches a top-level key to the readers of this package; job keys read by others are skipped. */
    private static void read(String key, YNode value, At at) {
        switch (key) {
            case "include" -> IncludeKeyword.read(value, at);
            case "workflow" -> WorkflowKeyword.read(value, at);
            case "stages", "default" -> {
            }
            default -> {
                if (value instanceof YMap job) {
                    job.entries().forEach(e -> readJobKey(e.key(), e.value(), at.child(e.key())));
                }
            }
        }
    }

    private static void readJobKey(String key, YNode value, At at) {
        switch (key) {
            case "rules" -> RulesKeyword.read(value, at, RuleScope.JOB);
            case "needs" -> NeedsKeyword.read(value, at);
            case "trigger" -> TriggerKeyword.read(value, at);
            case "only", "except" -> PolicyKeyword.read(value, at);
            case "when" -> WhenKeyword.read(value, at, EnumSet.complementOf(EnumSet.of(When.NEVER)));
            // The workflow/auto_cancel fixtures wrap a whole document in a key; job_inputs nests its job one level deeper.
            case "workflow" -> WorkflowKeyword.read(value, at);
            case "test-job" -> readJobKey("inputs", ((YMap) value).get("inputs").orElseThrow(), at.child("inputs"));
            default -> {
                if (ExtraKeywords.NAMES.contains(key)) {
                    ExtraKeywords.read(key, value, at);
                }
            }
        }
    }

    private static Stream<Case> cases(String kind) {
        try (Stream<Path> files = Files.walk(ROOT.resolve(kind))) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList().stream().flatMap(SchemaCorpusTest::keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Case> keys(Path file) {
        try {
            String text = Files.readString(file);
            String name = ROOT.relativize(file).toString();
            YNode doc = new YamlLoader(YamlLimits.DEFAULT).load(name, text, new Diagnostics()).body().orElseThrow();
            List<YMap.Entry> entries = new ArrayList<>(((YMap) doc).entries());
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                YMap.Entry e = entries.get(i);
                int last = i + 1 < entries.size() ? entries.get(i + 1).keyPos().line() - 1 : Integer.MAX_VALUE;
                cases.add(new Case(name + " » " + e.key(), e.key(), e.value(), e.keyPos().line(), last));
            }
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        try {
            return Path.of(SchemaCorpusTest.class.getResource("/gitlab-schema").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
