package dev.sluice.config.keywords;

import dev.sluice.config.DidYouMean;
import dev.sluice.config.model.Inherit;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.List;
import java.util.Optional;

/** {@code inherit: {default: bool | [default keys], variables: bool | [names]}}; both default to true. */
public final class InheritKeyword {

    /** The keys {@code default:} may set, the only ones {@code inherit:default} may list. */
    public static final List<String> DEFAULT_KEYS = List.of("after_script", "artifacts", "before_script", "cache",
            "hooks", "id_tokens", "identity", "image", "interruptible", "retry", "services", "tags", "timeout");

    private InheritKeyword() {
    }

    /** What a job inherits; {@link Inherit#ALL} when not given or invalid. */
    public static Inherit read(YNode node, At at) {
        if (node.isNull()) {
            return Inherit.ALL;
        }
        Optional<YMap> map = at.map(node);
        if (map.isEmpty() || !at.onlyKeys(map.get(), List.of("default", "variables"))) {
            return Inherit.ALL;
        }
        Optional<Choice> defaults = map.get().get("default").map(n -> choice(n, at.child("default"), DEFAULT_KEYS))
                .orElse(Optional.of(Choice.ALL));
        Optional<Choice> variables = map.get().get("variables").map(n -> choice(n, at.child("variables"), List.of()))
                .orElse(Optional.of(Choice.ALL));
        if (defaults.isEmpty() || variables.isEmpty()) {
            return Inherit.ALL;
        }
        return new Inherit(defaults.get().all(), defaults.get().names(), variables.get().all(), variables.get().names());
    }

    private record Choice(boolean all, List<String> names) {
        static final Choice ALL = new Choice(true, List.of());
    }

    /** A boolean, or a list of names ({@code allowed} empty: any name). */
    private static Optional<Choice> choice(YNode node, At at, List<String> allowed) {
        if (node instanceof YScalar s && s.isBoolean()) {
            return Optional.of(new Choice(s.asBoolean(), List.of()));
        }
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "a boolean value or an array of strings");
            return Optional.empty();
        }
        Optional<List<String>> names = at.strings(seq);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        for (int i = 0; i < names.get().size(); i++) {
            String name = names.get().get(i);
            if (!allowed.isEmpty() && !allowed.contains(name)) {
                at.error(seq.get(i), "invalid-value", at.path() + " config contains unknown value '" + name + "'"
                        + DidYouMean.hint(name, allowed));
                ok = false;
            }
        }
        return ok ? Optional.of(new Choice(false, names.get())) : Optional.empty();
    }
}
