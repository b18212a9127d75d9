package dev.sluice.config.keywords;

import dev.sluice.config.model.Variable;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code variables}: names to values (strings, numbers, booleans), or {@code {value, expand, ...}}. */
public final class VariablesKeyword {

    private VariablesKeyword() {
    }

    public static List<Variable> read(YNode node, At at, boolean topLevel) {
        List<Variable> out = new ArrayList<>();
        Optional<YMap> map = at.map(node);
        if (map.isEmpty()) {
            return out;
        }
        for (YMap.Entry e : map.get().entries()) {
            At varAt = at.child(e.key());
            if (e.value() instanceof YScalar s && !s.isNull()) {
                out.add(Variable.of(e.key(), s.value(), e.keyPos()));
            } else if (e.value() instanceof YMap hash) {
                Set<String> keys = topLevel ? Set.of("value", "expand", "description", "options") : Set.of("value", "expand");
                varAt.onlyKeys(hash, keys);
                String value = hash.get("value").flatMap(varAt.child("value")::alphanumeric).orElse("");
                boolean expand = hash.get("expand").flatMap(varAt.child("expand")::bool).orElse(true);
                Optional<String> description = hash.get("description").flatMap(varAt.child("description")::string);
                List<String> options = hash.get("options").flatMap(varAt.child("options")::strings).orElse(List.of());
                out.add(new Variable(e.key(), value, expand, description, options, e.keyPos()));
            } else {
                varAt.wrongType(e.value(), "a string, a number, a boolean or a hash");
            }
        }
        return out;
    }
}
