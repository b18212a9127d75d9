package dev.sluice.config.keywords;

import dev.sluice.config.model.AllowFailure;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import java.util.List;
import java.util.Optional;

/** {@code allow_failure}: a boolean, or {@code {exit_codes: code | [codes]}} (allowed to fail only with those). */
public final class AllowFailureKeyword {

    private AllowFailureKeyword() {
    }

    public static Optional<AllowFailure> read(YNode node, At at) {
        if (node instanceof YScalar s && s.isBoolean()) {
            return Optional.of(s.asBoolean() ? AllowFailure.YES : AllowFailure.NO);
        }
        if (!(node instanceof YMap map)) {
            at.wrongType(node, "a hash or a boolean value");
            return Optional.empty();
        }
        boolean ok = at.onlyKeys(map, List.of("exit_codes"));
        if (!at.requireKey(map, "exit_codes")) {
            return Optional.empty();
        }
        Optional<List<Integer>> codes = at.child("exit_codes").integerOrIntegers(map.get("exit_codes").orElseThrow());
        if (codes.isPresent() && codes.get().isEmpty()) {
            at.error(map.get("exit_codes").orElseThrow(), "invalid-value", at.path() + ":exit_codes config should contain at least one item");
            return Optional.empty();
        }
        return ok ? codes.map(c -> new AllowFailure(false, c)) : Optional.empty();
    }
}
