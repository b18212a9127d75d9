package dev.sluice.config.keywords;

import dev.sluice.config.model.Variable;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code variables} (top level, job, service): {@code NAME: value} or {@code NAME: {value, description,
 * options, expand}}. As in GitLab's Variable entry, a value is a string or an integer (Psych's canonical
 * text: {@code 012345} is "5349"); null is the empty string; a float or boolean is rejected.
 */
public final class VariablesKeyword {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final List<String> TOP_LEVEL_KEYS = List.of("value", "description", "options", "expand");
    private static final List<String> JOB_KEYS = List.of("value", "expand");

    private VariablesKeyword() {
    }

    /** The valid variables in written order; {@code description}/{@code options} only when {@code topLevel}. */
    public static List<Variable> read(YNode node, At at, boolean topLevel) {
        if (node.isNull()) {
            return List.of(); // GitLab treats an empty `variables:` as not given
        }
        Optional<YMap> map = at.map(node);
        if (map.isEmpty()) {
            return List.of();
        }
        List<Variable> out = new ArrayList<>();
        for (YMap.Entry entry : map.get().entries()) {
            At here = at.child(entry.key());
            if (!NAME.matcher(entry.key()).matches()) {
                // GitLab's YAML checks accept any key, but a shell cannot export such a name.
                here.diagnostics().warning(entry.keyPos(), here.path(), "invalid-name", "variable name '"
                        + entry.key() + "' should contain only letters, digits and '_'");
            }
            variable(entry, here, topLevel).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Variable> variable(YMap.Entry entry, At at, boolean topLevel) {
        YNode value = entry.value();
        if (value instanceof YMap map) {
            return complex(entry, map, at, topLevel);
        }
        return simpleValue(value, at)
                .map(v -> Variable.of(entry.key(), v, entry.keyPos()));
    }

    private static Optional<String> simpleValue(YNode value, At at) {
        if (value instanceof YScalar s && (s.isString() || s.isInteger() || s.isNull())) {
            return Optional.of(s.value()); // GitLab takes a null value as the empty string (Ruby's nil.to_s)
        }
        String hint = value instanceof YScalar s && !s.isNull() ? " (quote it to make it a string)" : "";
        at.error(value, "invalid-type", at.path() + " config should be a string, an integer or a hash, found "
                + value.typeName() + hint);
        return Optional.empty();
    }

    private static Optional<Variable> complex(YMap.Entry entry, YMap map, At at, boolean topLevel) {
        boolean ok = true;
        for (YMap.Entry key : map.entries()) {
            if (!topLevel && TOP_LEVEL_KEYS.contains(key.key()) && !JOB_KEYS.contains(key.key())) {
                at.diagnostics().error(key.keyPos(), at.path(), "invalid-key", at.path() + " config uses '"
                        + key.key() + "', which is only allowed in top-level variables");
                ok = false;
            }
        }
        ok &= at.onlyKeys(map.without("description").without("options"), topLevel ? TOP_LEVEL_KEYS : JOB_KEYS);
        Optional<String> value = Optional.of("");
        if (map.get("value").filter(v -> !v.isNull()).isPresent()) {
            value = simpleValue(map.get("value").get(), at.child("value"));
            ok &= value.isPresent();
        }
        Optional<String> description = Optional.empty();
        if (topLevel && map.get("description").filter(v -> !v.isNull()).isPresent()) {
            description = simpleValue(map.get("description").get(), at.child("description"));
            ok &= description.isPresent();
        }
        boolean expand = true;
        if (map.get("expand").isPresent()) {
            Optional<Boolean> b = at.child("expand").bool(map.get("expand").get());
            ok &= b.isPresent();
            expand = b.orElse(true);
        }
        List<String> options = List.of();
        if (topLevel && map.get("options").isPresent()) {
            Optional<List<String>> o = at.child("options").strings(map.get("options").get());
            ok &= o.isPresent();
            options = o.orElse(List.of());
            if (!options.isEmpty() && value.isPresent() && !options.contains(value.get())) {
                at.error(map.get("value").orElse(map), "invalid-value", at.path() + " config value must be present in options");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Variable(entry.key(), value.orElseThrow(), expand, description, options, entry.keyPos()));
    }
}
