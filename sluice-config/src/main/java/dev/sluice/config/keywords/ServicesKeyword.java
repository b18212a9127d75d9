package dev.sluice.config.keywords;

import dev.sluice.config.model.Service;
import dev.sluice.config.model.Variable;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code services}: an array of image names or of {@code {name, alias, entrypoint, command, variables,
 * pull_policy, docker, kubernetes}}. An alias is kept as written (the runner splits comma-separated aliases).
 */
public final class ServicesKeyword {

    private static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(ImageKeyword.KEYS);
        keys.addAll(List.of("alias", "command", "variables"));
        KEYS = List.copyOf(keys);
    }

    private ServicesKeyword() {
    }

    /** The valid services; an invalid entry is reported and left out. */
    public static List<Service> read(YNode node, At at) {
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "an array");
            return List.of();
        }
        List<Service> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            service(item, at).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Service> service(YNode node, At at) {
        if (node instanceof YScalar s && s.isString()) {
            return ImageKeyword.nonBlank(node, s.value(), at).map(Service::named);
        }
        if (!(node instanceof YMap map)) {
            at.wrongType(node, "a hash or a string");
            return Optional.empty();
        }
        boolean ok = at.onlyKeys(map, KEYS);
        Optional<String> name = ImageKeyword.requiredName(map, at);
        Optional<String> alias = map.get("alias").flatMap(n -> at.child("alias").string(n));
        ok &= map.get("alias").isEmpty() || alias.isPresent();
        Optional<List<String>> entrypoint = optionalList(map, "entrypoint", at);
        Optional<List<String>> command = optionalList(map, "command", at);
        ok &= map.get("entrypoint").isEmpty() || entrypoint.isPresent();
        ok &= map.get("command").isEmpty() || command.isPresent();
        Map<String, String> variables = new LinkedHashMap<>();
        if (map.get("variables").isPresent()) {
            int before = at.diagnostics().size();
            for (Variable v : VariablesKeyword.read(map.get("variables").get(), at.child("variables"), false)) {
                variables.put(v.name(), v.value());
            }
            ok &= at.diagnostics().size() == before;
        }
        Optional<List<String>> pullPolicy = map.get("pull_policy")
                .map(n -> ImageKeyword.pullPolicy(n, at.child("pull_policy"))).orElse(Optional.of(List.of()));
        ok &= ImageKeyword.executorOptions(map, at).isPresent();
        if (!ok || name.isEmpty() || pullPolicy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Service(name.get(), alias, entrypoint, command, variables, pullPolicy.get()));
    }

    private static Optional<List<String>> optionalList(YMap map, String key, At at) {
        return map.get(key).flatMap(n -> ImageKeyword.nonEmptyStrings(n, at.child(key)));
    }
}
