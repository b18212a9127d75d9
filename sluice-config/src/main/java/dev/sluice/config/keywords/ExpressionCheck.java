package dev.sluice.config.keywords;

import dev.sluice.config.expr.Expression;
import dev.sluice.config.expr.ExpressionParse;
import dev.sluice.config.yaml.YNode;
import java.util.Optional;

/** Reads a CI/CD variable expression ({@code rules:if}, {@code only:variables}) and reports why it is invalid. */
final class ExpressionCheck {

    private ExpressionCheck() {
    }

    static Optional<String> read(YNode node, At at) {
        Optional<String> text = at.string(node);
        if (text.isPresent() && Expression.parse(text.get()) instanceof ExpressionParse.Invalid bad) {
            at.error(node, "invalid-expression", at.path() + " invalid expression syntax in '" + text.get() + "': "
                    + bad.message() + " (column " + bad.column() + ")");
            return Optional.empty();
        }
        return text;
    }
}
