package dev.sluice.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.Diagnostics;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.SourcePos;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private YMap load(String yaml) {
        return load(yaml, YamlLimits.DEFAULT);
    }

    private YMap load(String yaml, YamlLimits limits) {
        return (YMap) new YamlLoader(limits).load("ci.yml", yaml, diagnostics).body().orElse(YMap.empty(SourcePos.UNKNOWN));
    }

    private List<String> messages() {
        return diagnostics.all().stream().map(Diagnostic::format).toList();
    }

    @Test
    void keepsPositionsOfKeysAndValues() {
        YMap root = load("build:\n  script:\n    - make\n");
        YMap build = (YMap) root.get("build").orElseThrow();
        assertThat(root.keyPos("build")).isEqualTo(new SourcePos("ci.yml", 1, 1));
        assertThat(build.keyPos("script")).isEqualTo(new SourcePos("ci.yml", 2, 3));
        assertThat(((YSeq) build.get("script").orElseThrow()).get(0).pos()).isEqualTo(new SourcePos("ci.yml", 3, 7));
    }

    @Test
    void resolvesScalarsAsPsychDoes() {
        YMap root = load("""
                a: yes
                b: Off
                c: 012
                d: 0x1F
                e: 1_000
                f: 1:30
                g: ~
                h: "yes"
                i: 1.50
                j: y
                k: 1e3
                l: 012345
                """);
        assertThat(scalar(root, "a")).isEqualTo(new YScalar("true", YScalar.Kind.BOOLEAN, scalarPos(root, "a")));
        assertThat(value(root, "b")).isEqualTo("false");
        assertThat(value(root, "c")).isEqualTo("10");
        assertThat(value(root, "d")).isEqualTo("31");
        assertThat(value(root, "e")).isEqualTo("1000");
        assertThat(value(root, "f")).isEqualTo("90");
        assertThat(scalar(root, "g").kind()).isEqualTo(YScalar.Kind.NULL);
        assertThat(scalar(root, "h").kind()).isEqualTo(YScalar.Kind.STRING);
        assertThat(scalar(root, "i")).extracting(YScalar::value, YScalar::kind).containsExactly("1.5", YScalar.Kind.FLOAT);
        assertThat(scalar(root, "j").kind()).isEqualTo(YScalar.Kind.STRING);
        assertThat(scalar(root, "k").kind()).isEqualTo(YScalar.Kind.STRING);
        assertThat(value(root, "l")).isEqualTo("5349");
    }

    @Test
    void mergeKeysFollowPsychOrder() {
        YMap root = load("""
                .base: &base
                  a: 1
                  b: 2
                job:
                  b: 0
                  <<: *base
                  c: 3
                other:
                  <<: *base
                  a: 9
                """);
        YMap job = (YMap) root.get("job").orElseThrow();
        assertThat(job.keys()).containsExactly("b", "a", "c");
        assertThat(value(job, "b")).isEqualTo("2");
        assertThat(value((YMap) root.get("other").orElseThrow(), "a")).isEqualTo("9");
        assertThat(messages()).isEmpty();
    }

    @Test
    void mergeOfAListLetsTheFirstHashWin() {
        YMap root = load("""
                x: &x {a: 1}
                y: &y {a: 2, b: 2}
                job:
                  <<: [*x, *y]
                """);
        YMap job = (YMap) root.get("job").orElseThrow();
        assertThat(value(job, "a")).isEqualTo("1");
        assertThat(value(job, "b")).isEqualTo("2");
    }

    @Test
    void duplicateKeysKeepTheLastAndWarnAtBoth() {
        YMap root = load("job:\n  script: a\n  script: b\n");
        assertThat(value((YMap) root.get("job").orElseThrow(), "script")).isEqualTo("b");
        assertThat(messages()).containsExactly(
                "ci.yml:3:3: warning[duplicate-key]: duplicate key 'script': the value here replaces the one at ci.yml:2:3 (GitLab keeps the last)");
    }

    @Test
    void referenceTagsBecomeReferenceNodes() {
        YMap root = load("job:\n  script: !reference [.setup, script]\n");
        YNode ref = ((YMap) root.get("job").orElseThrow()).get("script").orElseThrow();
        assertThat(ref).isEqualTo(new YReference(List.of(".setup", "script"), new SourcePos("ci.yml", 2, 11)));
    }

    @Test
    void syntaxErrorsPointAtTheProblem() {
        load("job:\n  script: [a, b\nother: 1\n");
        assertThat(diagnostics.all()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("yaml-syntax");
            assertThat(d.pos().line()).isEqualTo(3);
        });
    }

    @Test
    void aliasBombsAreReportedWithoutExpanding() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 12; i++) {
            String prev = "*a" + (i - 1);
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, prev))).append("]\n");
        }
        long start = System.nanoTime();
        load(yaml.toString());
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(diagnostics.all()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("yaml-too-complex"));
    }

    @Test
    void deepNestingIsBounded() {
        String yaml = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        load(yaml);
        assertThat(diagnostics.all()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("yaml-too-complex");
            assertThat(d.message()).contains("nested too deeply");
        });
    }

    @Test
    void oversizedFilesAreRefused() {
        load("a: " + "x".repeat(200) + "\n", new YamlLimits(100, 100, 1000));
        assertThat(diagnostics.all()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("yaml-too-large"));
    }

    @Test
    void undefinedAliasIsAnError() {
        load("a: *nowhere\n");
        assertThat(messages()).singleElement().asString().contains("unknown or recursive alias *nowhere");
    }

    @Test
    void specHeaderDocumentIsSeparated() {
        var loaded = new YamlLoader(YamlLimits.DEFAULT).load("c.yml", "spec:\n  inputs:\n    x:\n---\njob:\n  script: a\n", diagnostics);
        assertThat(loaded.header()).isPresent();
        assertThat(((YMap) loaded.body().orElseThrow()).keys()).containsExactly("job");
    }

    private static YScalar scalar(YMap map, String key) {
        return (YScalar) map.get(key).orElseThrow();
    }

    private static SourcePos scalarPos(YMap map, String key) {
        return scalar(map, key).pos();
    }

    private static String value(YMap map, String key) {
        return scalar(map, key).value();
    }
}
