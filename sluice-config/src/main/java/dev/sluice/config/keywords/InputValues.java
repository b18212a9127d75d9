package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YReference;
import dev.sluice.config.yaml.YScalar;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code inputs} given to an included file, a component or a downstream pipeline: names to values. */
final class InputValues {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    static final int MAX_STRING = 1024;

    private InputValues() {
    }

    static Optional<Map<String, Object>> read(YNode node, At at) {
        Optional<YMap> map = at.map(node);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        for (YMap.Entry e : map.get().entries()) {
            if (!NAME.matcher(e.key()).matches()) {
                at.diagnostics().error(e.keyPos(), at.path(), "invalid-name", at.path() + " input name '" + e.key()
                        + "' may only hold letters, digits, '_' and '-'");
                ok = false;
            } else if (e.value() instanceof YScalar s && s.isString() && s.value().length() > MAX_STRING) {
                at.error(e.value(), "too-long", at.child(e.key()).path() + " is longer than " + MAX_STRING + " characters");
                ok = false;
            } else if (e.value() instanceof YReference) {
                at.child(e.key()).wrongType(e.value(), "a string, a number, a boolean, an array or a hash");
                ok = false;
            }
        }
        return ok ? Optional.of(PlainData.map(map.get())) : Optional.empty();
    }
}
