package dev.sluice.config.keywords;

import dev.sluice.config.model.Retry;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code retry}: {@code 0..2}, or {@code {max: 0..2, when: reason | [reasons], exit_codes: code | [codes]}}. */
public final class RetryKeyword {

    static final int MAX = 2;

    /** GitLab's failure reasons plus {@code always} (spec §18). */
    static final List<String> REASONS = List.of("always", "unknown_failure", "script_failure", "api_failure",
            "stuck_or_timeout_failure", "runner_system_failure", "runner_unsupported", "stale_schedule",
            "job_execution_timeout", "archived_failure", "unmet_prerequisites", "scheduler_failure",
            "data_integrity_failure", "runner_configuration_error", "runner_external_dependency_failure",
            "runner_interrupted", "no_updates_running", "no_updates_canceling", "server_timeout_running",
            "server_timeout_canceling", "stuck_pending_with_matching_runners", "stuck_pending_no_matching_runners");

    private RetryKeyword() {
    }

    /** The retry policy; {@link Retry#NONE} when invalid. */
    public static Retry read(YNode node, At at) {
        if (node instanceof YScalar s && s.isInteger()) {
            return at.integerIn(node, 0, MAX).map(max -> new Retry(max, List.of("always"), List.of())).orElse(Retry.NONE);
        }
        if (!(node instanceof YMap map)) {
            at.error(node, "invalid-type", at.path() + " config has to be either an integer or a hash");
            return Retry.NONE;
        }
        boolean ok = at.onlyKeys(map, List.of("max", "when", "exit_codes"));
        int max = 0;
        if (map.get("max").isPresent()) {
            Optional<Integer> m = at.child("max").integerIn(map.get("max").get(), 0, MAX);
            ok &= m.isPresent();
            max = m.orElse(0);
        }
        // With only exit_codes, GitLab retries on those codes alone; `always` is the default otherwise.
        List<String> when = map.has("exit_codes") ? List.of() : List.of("always");
        if (map.get("when").isPresent()) {
            Optional<List<String>> w = reasons(map.get("when").get(), at.child("when"));
            ok &= w.isPresent();
            when = w.orElse(when);
        }
        List<Integer> exitCodes = List.of();
        if (map.get("exit_codes").isPresent()) {
            Optional<List<Integer>> codes = exitCodes(map.get("exit_codes").get(), at.child("exit_codes"));
            ok &= codes.isPresent();
            exitCodes = codes.orElse(exitCodes);
        }
        return ok ? new Retry(max, when, exitCodes) : Retry.NONE;
    }

    private static Optional<List<String>> reasons(YNode node, At at) {
        List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (YNode item : items) {
            Optional<String> reason = at.oneOf(item, REASONS);
            reason.ifPresent(out::add);
            ok &= reason.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<List<Integer>> exitCodes(YNode node, At at) {
        Optional<List<Integer>> codes = at.integerOrIntegers(node);
        if (codes.isEmpty()) {
            return codes;
        }
        Set<Integer> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < codes.get().size(); i++) {
            if (!seen.add(codes.get().get(i))) {
                YNode item = ((YSeq) node).get(i);
                at.error(item, "duplicate", at.path() + " config contains duplicate exit code " + codes.get().get(i));
                ok = false;
            }
        }
        return ok ? codes : Optional.empty();
    }
}
