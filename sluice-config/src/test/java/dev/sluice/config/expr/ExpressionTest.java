package dev.sluice.config.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private static final Map<String, String> VARS = Map.of(
            "BRANCH", "main",
            "EMPTY", "",
            "BLANK", "   ",
            "OTHER", "main",
            "FEATURE", "feature/login",
            "REGEX_VAR", "/^feat/",
            "REGEX_I", "/^FEAT/i",
            "NOT_REGEX", "1234",
            "REF", "$BRANCH");

    private static boolean eval(String text) {
        ExpressionParse parse = Expression.parse(text);
        assertThat(parse).as(text).isInstanceOf(ExpressionParse.Parsed.class);
        return ((ExpressionParse.Parsed) parse).expression().evaluate(name -> Optional.ofNullable(VARS.get(name)));
    }

    private static ExpressionParse.Invalid invalid(String text) {
        ExpressionParse parse = Expression.parse(text);
        assertThat(parse).as(text).isInstanceOf(ExpressionParse.Invalid.class);
        return (ExpressionParse.Invalid) parse;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            $BRANCH                          => true
            $UNDEFINED                       => false
            $EMPTY                           => false
            $BLANK                           => false
            $BRANCH == "main"                => true
            "main" == $BRANCH                => true
            $BRANCH == 'main'                => true
            $BRANCH == "dev"                 => false
            $BRANCH != "dev"                 => true
            $BRANCH != "main"                => false
            $BRANCH == $OTHER                => true
            $BRANCH != $FEATURE              => true
            $UNDEFINED == null               => true
            null == $UNDEFINED               => true
            $EMPTY == null                   => false
            $EMPTY == ""                     => true
            $UNDEFINED == ""                 => false
            $UNDEFINED != null               => false
            $BRANCH != null                  => true
            $FEATURE =~ /^feature/           => true
            $FEATURE =~ /login$/             => true
            $FEATURE =~ /^login/             => false
            $FEATURE !~ /^feature/           => false
            $FEATURE !~ /^release/           => true
            $FEATURE =~ /FEATURE/i           => true
            $FEATURE =~ /FEATURE/            => false
            $FEATURE =~ /ure\\/log/          => true
            $FEATURE =~ $REGEX_VAR           => true
            $BRANCH =~ $REGEX_VAR            => false
            $FEATURE =~ $REGEX_I             => true
            $FEATURE !~ $REGEX_VAR           => false
            "23" =~ $NOT_REGEX               => true
            "45" =~ $NOT_REGEX               => false
            "23" =~ "1234"                   => true
            $FEATURE =~ $UNDEFINED           => false
            $FEATURE !~ $UNDEFINED           => true
            $UNDEFINED =~ /^$/               => true
            $REF == "$BRANCH"                => true
            $REF == "main"                   => false
            "main"                           => true
            ""                               => false
            null                             => false
            true                             => true
            false                            => false
            $BRANCH == true                  => false
            `$[[ inputs.env ]] == null`      => true
            """)
    void evaluates(String text, boolean expected) {
        assertThat(eval(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            $BRANCH && $FEATURE                                   => true
            $BRANCH && $UNDEFINED                                 => false
            $UNDEFINED || $BRANCH                                 => true
            $UNDEFINED || $OTHER_UNDEFINED                        => false
            $BRANCH == "x" || $BRANCH == "main" && $FEATURE       => true
            $BRANCH == "main" || $BRANCH == "x" && $UNDEFINED     => true
            ($BRANCH == "main" || $BRANCH == "x") && $UNDEFINED   => false
            (($BRANCH == "main") && ($FEATURE =~ /login/))        => true
            ((($BRANCH)))                                         => true
            $BRANCH == "main" && $FEATURE == "x" || $OTHER        => true
            $UNDEFINED && $BRANCH || $FEATURE                     => true
            """)
    void andBindsTighterThanOrAndParenthesesOverride(String text, boolean expected) {
        assertThat(eval(text)).isEqualTo(expected);
    }

    @Test
    void andAndOrReturnAnOperandLikeRuby() {
        // Ruby: "" is truthy, so `"" || x` is "" (not present) and `"" && x` is x.
        assertThat(eval("$EMPTY || $BRANCH")).isFalse();
        assertThat(eval("$EMPTY && $BRANCH")).isTrue();
        assertThat(eval("($BRANCH && $FEATURE) == \"feature/login\"")).isTrue();
    }

    @Test
    void comparisonsAreLeftAssociative() {
        // ($BRANCH == $OTHER) is true, and true is not the string "main".
        assertThat(eval("$BRANCH == $OTHER == \"main\"")).isFalse();
    }

    @Test
    void stringsHaveNoEscapes() {
        assertThat(eval("'a\\b' == 'a\\b'")).isTrue();
        assertThat(((Node.StringLiteral) parsed("'a\\nb'")).value()).isEqualTo("a\\nb");
        assertThat(((Node.StringLiteral) parsed("\"it's\"")).value()).isEqualTo("it's");
        assertThat(((Node.StringLiteral) parsed("'say \"hi\"'")).value()).isEqualTo("say \"hi\"");
        assertThat(invalid("\"a\\\"b\"").message()).isEqualTo("unexpected 'b\"'");
    }

    @Test
    void gitLabAcceptsOperatorsInOddPlacesAndSoDoWe() {
        assertThat(eval("$BRANCH $OTHER ==")).isTrue();
        assertThat(eval("$BRANCH ()")).isTrue();
    }

    @Test
    void treeShape() {
        Node root = parsed("$A == 'x' || $B =~ /y+z/i && null != $C");
        assertThat(root).isInstanceOf(Node.Binary.class);
        Node.Binary or = (Node.Binary) root;
        assertThat(or.operator()).isEqualTo(Operator.OR);
        assertThat(or.left()).isEqualTo(new Node.Binary(Operator.EQUALS, new Node.Variable("A", 1), new Node.StringLiteral("x", 7)));
        Node.Binary and = (Node.Binary) or.right();
        assertThat(and.operator()).isEqualTo(Operator.AND);
        Node.Binary match = (Node.Binary) and.left();
        assertThat(match.operator()).isEqualTo(Operator.MATCHES);
        assertThat(((Node.RegexLiteral) match.right()).pattern()).hasToString("/y+z/i");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            ``                      => 1  => the expression is empty
            `   `                   => 1  => the expression is empty
            `${BRANCH} == "x"`      => 1  => unexpected '${BRANCH}': variables are written $NAME, not ${NAME}
            `$BRANCH = "x"`         => 9  => unknown operator '=': operators are ==, !=, =~, !~, && and ||
            `$A & $B`               => 4  => unknown operator '&': operators are ==, !=, =~, !~, && and ||
            `$BRANCH == "main`      => 12 => unterminated string "main
            `$A =~ /./`             => 7  => unexpected '/./': a regular expression is /pattern/ with at least two characters between the slashes, and flags among i, m, s, U
            `$A =~ /ab/x`           => 11 => unexpected 'x'
            `$A =~ /a(b/`           => 7  => invalid regular expression /a(b/: missing closing ): a(b
            `$A =~ /(?=a)b/`        => 7  => invalid regular expression /(?=a)b/: invalid or unsupported Perl syntax: (?=
            `$A =~ /(a)\\1/`        => 7  => invalid regular expression /(a)\\1/: invalid escape sequence: \\1 (backreferences are not supported)
            `$A ==`                 => 4  => '==' needs a value on each side
            `== $A`                 => 1  => '==' needs a value on each side
            `$A && || $B`           => 4  => '&&' needs a value on each side
            `$A $B`                 => 4  => two values without an operator between them
            `($A == "x"`            => 1  => '(' is never closed
            `$A == "x")`            => 10 => ')' has no matching '('
            `()`                    => 1  => the expression has no value, only parentheses
            `$`                     => 1  => unexpected '$': a variable name is letters, digits and underscores
            `$A == nil`             => 7  => unexpected 'nil'
            `nullx == $A`           => 5  => unexpected 'x'
            """)
    void rejectsMalformedExpressionsWithAColumn(String text, int column, String message) {
        ExpressionParse.Invalid bad = invalid(text);
        assertThat(bad.message()).isEqualTo(message);
        assertThat(bad.column()).isEqualTo(column);
    }

    @Test
    void tooManyTokens() {
        String ok = "$A" + " || $A".repeat(49); // 99 tokens
        assertThat(Expression.parse(ok)).isInstanceOf(ExpressionParse.Parsed.class);
        assertThat(invalid(ok + " ||").message()).startsWith("too many tokens");
    }

    @Test
    void newlinesAreWhitespaceBetweenTokens() {
        assertThat(eval("$BRANCH == \"main\"\n  && $FEATURE")).isTrue();
    }

    private static Node parsed(String text) {
        return ((ExpressionParse.Parsed) Expression.parse(text)).expression().root();
    }
}
