package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YReference;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import dev.sluice.model.SourcePos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class YamlPrinterTest {

    private static final SourcePos AT = SourcePos.startOf("test.yml");

    @Test
    void printsBlockStyleInKeyOrder() {
        String yaml = YamlPrinter.print(PlainTree.load("""
                stages: [build, test]
                build:
                  script: [make]
                  variables: {A: "1", B: 2, C: on, D: ~, E: 1.5}
                  needs: []
                  cache: {}
                  services:
                    - name: postgres
                      alias: db
                    - [nested, list]
                """));

        assertThat(yaml).isEqualTo("""
                stages:
                  - build
                  - test
                build:
                  script:
                    - make
                  variables:
                    A: "1"
                    B: 2
                    C: true
                    D: null
                    E: 1.5
                  needs: []
                  cache: {}
                  services:
                    - name: postgres
                      alias: db
                    - - nested
                      - list
                """);
    }

    @Test
    void emptyHashPrintsAsFlowHash() {
        assertThat(YamlPrinter.print(YMap.empty(AT))).isEqualTo("{}\n");
    }

    @Test
    void referencesPrintAsTheirTag() {
        YMap map = map("script", new YSeq(List.of(new YReference(List.of(".setup", "script"), AT),
                new YReference(List.of("odd, name", "on"), AT)), AT));

        String yaml = YamlPrinter.print(map);

        assertThat(yaml).isEqualTo("""
                script:
                  - !reference [.setup, script]
                  - !reference ["odd, name", "on"]
                """);
        assertThat(PlainTree.of(PlainTree.load(yaml))).isEqualTo(PlainTree.of(map));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plain", "true", "False", "yes", "NO", "on", "Off", "y", "n", "null", "Null", "~", "", " ", "  lead", "trail ",
        "123", "-1", "+1", "0x1F", "0o17", "0755", "1_000", "1,000", "1:30", "1.5", ".5", "1e3", ".inf", "-.Inf", ".NaN",
        "2024-01-01", "a: b", "a:b", "a #b", "a#b", "#c", "- x", "-x", "? q", ":x", "[a]", "{a}", "a, b", "*alias", "&anchor",
        "!tag", "|", ">", "%directive", "@at", "`tick`", "'single'", "\"double\"", "back\\slash", "tab\there",
        "cr\rhere", "nul\u0000here", "bell\u0007", "del\u007f", "nel\u0085here", "ls\u2028here", "bom\ufeff", "émoji 😀",
        "---", "...", "<<", "=", "$VAR", "${VAR}", "/path/to", ".hidden", "..two", "key:", "http://x.y/z",
        "line\n", "line\nline", "line\n\n", "\nlead newline", "  indented\nsecond", "first\n  indented", "a\n\n\nb",
        "trailing spaces  \nnext", "ends with blank line\n  ", "tab\tin\nblock", "only\n\n\n\n", "x\r\ny",
        "if [ -f x ]; then\n  echo \"a: b # c\"\nfi\n"
    })
    void stringsReadBackAsTheSameString(String text) {
        YMap map = map("value", YScalar.string(text, AT));
        map = map.with(text, AT, YScalar.string(text, AT)); // the same text as a key
        map = map.with("list", AT, new YSeq(List.of(YScalar.string(text, AT), YScalar.string(text, AT)), AT));

        String yaml = YamlPrinter.print(map);

        assertThat(PlainTree.of(PlainTree.load(yaml))).as(yaml).isEqualTo(PlainTree.of(map));
    }

    @Test
    void scalarsKeepTheirKind() {
        YMap map = map("int", new YScalar("-42", YScalar.Kind.INTEGER, AT))
                .with("big", AT, new YScalar("123456789012345678901234567890", YScalar.Kind.INTEGER, AT))
                .with("float", AT, new YScalar("1.0e+20", YScalar.Kind.FLOAT, AT))
                .with("nan", AT, new YScalar("NaN", YScalar.Kind.FLOAT, AT))
                .with("inf", AT, new YScalar("-Infinity", YScalar.Kind.FLOAT, AT))
                .with("bool", AT, new YScalar("false", YScalar.Kind.BOOLEAN, AT))
                .with("null", AT, YScalar.nullAt(AT));

        String yaml = YamlPrinter.print(map);

        assertThat(PlainTree.of(PlainTree.load(yaml))).as(yaml).isEqualTo(PlainTree.of(map));
        assertThat(yaml).contains("nan: .nan\n", "inf: -.inf\n", "bool: false\n", "\"null\": null\n");
    }

    @Test
    void veryLongKeysUseTheExplicitForm() {
        String key = "k".repeat(2000);
        YMap map = map(key, YScalar.string("v", AT));

        String yaml = YamlPrinter.print(map);

        assertThat(yaml).startsWith("? kkk");
        assertThat(PlainTree.of(PlainTree.load(yaml))).isEqualTo(PlainTree.of(map));
    }

    private static YMap map(String key, YNode value) {
        Map<String, YMap.Entry> entries = new LinkedHashMap<>();
        entries.put(key, new YMap.Entry(key, AT, value));
        return new YMap(entries, AT);
    }
}
