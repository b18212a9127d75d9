package dev.sluice.config.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Re2PatternTest {

    private static Re2Pattern valid(String body, String flags) {
        Re2Pattern.Compiled c = Re2Pattern.compile(body, flags);
        assertThat(c).as(body).isInstanceOf(Re2Pattern.Compiled.Valid.class);
        return ((Re2Pattern.Compiled.Valid) c).pattern();
    }

    private static String invalid(String body) {
        Re2Pattern.Compiled c = Re2Pattern.compile(body, "");
        assertThat(c).as(body).isInstanceOf(Re2Pattern.Compiled.Invalid.class);
        return ((Re2Pattern.Compiled.Invalid) c).reason();
    }

    @ParameterizedTest(name = "/{0}/{1} on {2} -> {3}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            ^main$          =>     => main           => true
            ^main$          =>     => `main\n`       => false
            ^b$             => m   => `a\nb\nc`      => true
            ^b$             =>     => `a\nb\nc`      => false
            a.c             =>     => `a\nc`         => false
            a.c             => s   => `a\nc`         => true
            a.c             =>     => `a\rc`         => true
            MAIN            => i   => main           => true
            ÄB              => i   => äb             => true
            \\s             =>     => `\u000B`       => false
            \\v             =>     => `\u000B`       => true
            [[:digit:]]+    =>     => v12            => true
            [[:^digit:]]    =>     => 123            => false
            \\pL            =>     => é              => true
            \\p{Greek}      =>     => α              => true
            \\p{^Greek}     =>     => α              => false
            (?P<major>\\d+)\\.(?<minor_v>\\d+) =>  => 1.2 => true
            a{,2}           =>     => `a{,2}`        => true
            a{2}            =>     => aa             => true
            x{              =>     => x{             => true
            [a[]            =>     => [              => true
            [a&&b]          =>     => &              => true
            []a]            =>     => ]              => true
            \\x41\\x{42}\\101 =>   => ABA            => true
            \\Q.*\\E        =>     => .*             => true
            \\Q.*\\E        =>     => ab             => false
            (?i)a(?-i)b     =>     => Ab             => true
            (?i)a(?-i)b     =>     => AB             => false
            (?i:a)b         =>     => AB             => false
            (?m:^b$)        =>     => `a\nb`         => true
            \\d{2,}         =>     => a123           => true
            [^\\s]x         =>     => ` x`           => false
            \\bcat\\b       =>     => concat cat     => true
            (?s:.)          =>     => `\n`            => true
            a$|^b           =>     => `b\n`          => true
            (?U)a+          =>     => aaa            => true
            """)
    void matchesLikeRe2(String body, String flags, String text, boolean expected) {
        assertThat(valid(body, flags == null ? "" : flags).find(text)).isEqualTo(expected);
    }

    @Test
    void ungreedyFlagSwapsQuantifiers() {
        assertThat(valid("a+", "U").javaPattern()).isEqualTo("(?)a+?".replace("(?)", ""));
        assertThat(valid("a+?", "U").javaPattern()).isEqualTo("a+");
        assertThat(valid("a{2,3}", "U").javaPattern()).isEqualTo("a{2,3}?");
        assertThat(valid("(?U)a*(?-U)b*", "").javaPattern()).isEqualTo("a*?b*");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            a**          => bad repetition operator: **
            a*+          => bad repetition operator: *+
            a{1001}      => bad repetition operator: {1001}
            a{3,2}       => bad repetition operator: {3,2}
            *a           => missing argument to repetition operator: *
            (?>a)        => invalid or unsupported Perl syntax: (?>
            (?<=a)b      => invalid or unsupported Perl syntax: (?<
            (?x)a        => invalid or unsupported Perl syntax: (?x
            (?i-)a       => invalid or unsupported Perl syntax: (?i-)
            \\8          => invalid escape sequence: \\8
            \\Z          => invalid escape sequence: \\Z
            \\k<a>       => invalid escape sequence: \\k
            [a           => missing closing ]: [a
            a)           => unexpected ): a)
            `\\`         => trailing \\
            [[:foo:]]    => invalid character class range: [:foo:]
            \\xZZ        => invalid escape sequence: \\xZZ
            """)
    void rejectsWhatRe2Rejects(String body, String reason) {
        assertThat(invalid(body)).isEqualTo(reason);
    }

    @Test
    void readsVariableValuesWrittenAsLiterals() {
        assertThat(Re2Pattern.fromLiteral("/^v\\/1/i")).hasValueSatisfying(c ->
                assertThat(((Re2Pattern.Compiled.Valid) c).pattern()).hasToString("/^v/1/i"));
        assertThat(Re2Pattern.fromLiteral("main")).isEmpty();
        assertThat(Re2Pattern.fromLiteral("/a/x")).isEmpty();
        assertThat(Re2Pattern.fromLiteral("/(/")).hasValueSatisfying(c ->
                assertThat(c).isInstanceOf(Re2Pattern.Compiled.Invalid.class));
    }

    @Test
    void aCatastrophicPatternGivesUpInsteadOfHanging() {
        Re2Pattern p = valid("(a+)+$", "");
        assertThat(p.find("a".repeat(40) + "!")).isFalse();
    }
}
