package dev.sluice.config.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ExpressionProperties {

    @Property(tries = 2000)
    void anyTextParsesOrIsRejectedWithoutThrowing(@ForAll("expressionish") String text) {
        ExpressionParse parse = Expression.parse(text);
        switch (parse) {
            case ExpressionParse.Parsed p -> p.expression().evaluate(name -> name.startsWith("A") ? Optional.of("/a.b/") : Optional.empty());
            case ExpressionParse.Invalid bad -> assertThat(bad.column()).isBetween(1, text.length() + 1);
        }
    }

    @Property(tries = 1000)
    void anyRegexBodyCompilesOrIsRejectedWithoutThrowing(@ForAll("regexish") String body) {
        if (Re2Pattern.compile(body, "") instanceof Re2Pattern.Compiled.Valid v) {
            v.pattern().find("abc\nAB_12 {}[]");
        }
    }

    @Provide
    Arbitrary<String> expressionish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("$A", "$B", " == ", " != ", " =~ ", " !~ ", " && ", " || ", "(", ")", "\"x\"", "'y'",
                        "null", "/a.b/", "/(/", "/x/i", "$", "=", "true", " ").list().ofMaxSize(15)
                        .map(parts -> String.join("", parts)));
    }

    @Provide
    Arbitrary<String> regexish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("a", "\\", "(", ")", "(?", "i", "U", "-", ":", "[", "]", "^", "$", "*", "+", "?", "{", "}",
                        "1", ",", "P<", ">", "\\p", "\\x", "\\Q", "\\E", "|", ".", "[:", ":]", "&&").list().ofMaxSize(12)
                        .map(parts -> String.join("", parts)));
    }
}
