package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import dev.sluice.model.SourcePos;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the tree, printed YAML reads back to the same values. */
class YamlPrinterProperties {

    private static final SourcePos AT = SourcePos.startOf("test.yml");

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void anyTreeReadsBack(@ForAll("trees") YNode tree) {
        YMap root = new YMap(new LinkedHashMap<>(java.util.Map.of("root", new YMap.Entry("root", AT, tree))), AT);

        String yaml = YamlPrinter.print(root);

        assertThat(PlainTree.of(PlainTree.load(yaml))).as(yaml).isEqualTo(PlainTree.of(root));
    }

    @Provide
    Arbitrary<YNode> trees() {
        return Arbitraries.recursive(this::scalars, this::collectionsOf, 0, 3);
    }

    private Arbitrary<YNode> collectionsOf(Arbitrary<YNode> inner) {
        Arbitrary<YNode> seqs = inner.list().ofMaxSize(3).map(items -> new YSeq(items, AT));
        Arbitrary<YNode> maps = Arbitraries.maps(strings(), inner).ofMaxSize(3).map(entries -> {
            var map = new LinkedHashMap<String, YMap.Entry>();
            entries.forEach((k, v) -> map.put(k, new YMap.Entry(k, AT, v)));
            return new YMap(map, AT);
        });
        return Arbitraries.oneOf(seqs, maps);
    }

    private Arbitrary<YNode> scalars() {
        Arbitrary<YNode> strings = strings().map(s -> YScalar.string(s, AT));
        Arbitrary<YNode> integers = Arbitraries.longs().map(n -> new YScalar(Long.toString(n), YScalar.Kind.INTEGER, AT));
        Arbitrary<YNode> others = Arbitraries.of(List.of(
                new YScalar("true", YScalar.Kind.BOOLEAN, AT), new YScalar("false", YScalar.Kind.BOOLEAN, AT),
                YScalar.nullAt(AT), new YScalar("0.25", YScalar.Kind.FLOAT, AT)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, strings), net.jqwik.api.Tuple.of(1, integers), net.jqwik.api.Tuple.of(1, others));
    }

    /** Mostly YAML's troublemakers: indicators, blanks, line breaks, words other types use. */
    private Arbitrary<String> strings() {
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars(":#-?[]{},&*!|>'\"%@` \t\n\r\\.~0123456789abcyesnoONtrueflsx")
                .withChars('\u0085', '\u2028', '\u00e9', '\u0000', '\ufeff')
                .ofMaxLength(12);
        Arbitrary<String> words = Arbitraries.of("yes", "No", "on", "null", "~", "0755", "1:30", ".inf", "<<", "-", "1e3", "0x1f");
        return Arbitraries.oneOf(tricky, tricky, Arbitraries.strings().all().ofMaxLength(8), words);
    }
}
