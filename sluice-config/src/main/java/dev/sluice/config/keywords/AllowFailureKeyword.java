package dev.sluice.config.keywords;

import dev.sluice.config.model.AllowFailure;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code allow_failure}: a boolean, or {@code exit_codes} (one integer or a list). */
public final class AllowFailureKeyword {

    private AllowFailureKeyword() {
    }

    public static Optional<AllowFailure> read(YNode node, At at) {
        if (node instanceof YScalar s && s.isBoolean()) {
            return Optional.of(s.asBoolean() ? AllowFailure.YES : AllowFailure.NO);
        }
        if (!(node instanceof YMap map)) {
            at.wrongType(node, "a boolean value or a hash");
            return Optional.empty();
        }
        if (!at.onlyKeys(map, Set.of("exit_codes")) || !at.requireKey(map, "exit_codes")) {
            return Optional.empty();
        }
        At codesAt = at.child("exit_codes");
        YNode codes = map.get("exit_codes").orElseThrow();
        List<Integer> out = new ArrayList<>();
        for (YNode item : codes instanceof YSeq seq ? seq.items() : List.of(codes)) {
            codesAt.integer(item).ifPresent(n -> out.add(n.intValue()));
        }
        return Optional.of(new AllowFailure(true, out));
    }
}
