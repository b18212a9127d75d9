package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code run} (CI steps, experimental): an array of steps, each one of: a referenced {@code step}
 * (string, {@code {git}} or {@code {oci}}), a {@code script}, an {@code action}, a nested {@code run},
 * or an {@code exec}. Named forms need a {@code name} like an identifier.
 */
final class StepsKeyword {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
    private static final List<String> FORMS = List.of("step", "script", "action", "run", "exec");

    private StepsKeyword() {
    }

    static void check(YNode node, At at) {
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "an array of steps");
            return;
        }
        seq.items().forEach(item -> at.map(item).ifPresent(m -> step(m, at)));
    }

    private static void step(YMap m, At at) {
        Optional<String> form = FORMS.stream().filter(m::has).findFirst();
        if (form.isEmpty()) {
            at.error(m, "missing-key", at.path() + " step should have one of: " + String.join(", ", FORMS));
            return;
        }
        At formAt = at.child(form.get());
        YNode value = m.get(form.get()).orElseThrow();
        switch (form.get()) {
            case "step" -> {
                named(m, at, List.of("name", "step", "env", "inputs"));
                reference(value, formAt);
            }
            case "script" -> {
                named(m, at, List.of("name", "script", "env"));
                formAt.string(value).filter(String::isEmpty).ifPresent(s -> at.error(value, "blank", formAt.path() + " can't be blank"));
            }
            case "action" -> {
                named(m, at, List.of("name", "action", "env", "inputs"));
                formAt.string(value);
            }
            case "run" -> {
                at.onlyKeys(m, List.of("run", "env", "outputs", "delegate"));
                check(value, formAt);
                m.get("outputs").ifPresent(v -> names(v, at.child("outputs"), false));
                m.get("delegate").ifPresent(v -> at.child("delegate").string(v));
            }
            default -> {
                at.onlyKeys(m, List.of("exec", "env"));
                formAt.map(value).ifPresent(exec -> {
                    formAt.onlyKeys(exec, List.of("command", "work_dir"));
                    formAt.requireKey(exec, "command");
                    exec.get("command").ifPresent(c -> formAt.child("command").strings(c)
                            .filter(List::isEmpty).ifPresent(e -> at.error(c, "blank", formAt.path() + ":command can't be empty")));
                    exec.get("work_dir").ifPresent(w -> formAt.child("work_dir").string(w));
                });
            }
        }
        m.get("env").ifPresent(v -> names(v, at.child("env"), true));
        m.get("inputs").ifPresent(v -> names(v, at.child("inputs"), false));
    }

    private static void named(YMap m, At at, List<String> keys) {
        at.onlyKeys(m, keys);
        if (at.requireKey(m, "name")) {
            YNode name = m.get("name").orElseThrow();
            at.child("name").string(name).filter(n -> !NAME.matcher(n).matches()).ifPresent(n -> at.error(name,
                    "invalid-value", at.path() + ":name should be letters, digits and '_', not starting with a digit, found '" + n + "'"));
        }
    }

    /** A step reference: a string, {@code {git: {url, rev, dir, file}}} or {@code {oci: {registry, repository, tag, dir, file}}}. */
    private static void reference(YNode node, At at) {
        if (node instanceof YScalar s && s.isString()) {
            return;
        }
        at.map(node).ifPresent(m -> {
            at.onlyKeys(m, List.of("git", "oci"));
            if (m.size() != 1) {
                at.error(m, "invalid-combination", at.path() + " config should have exactly one of git, oci");
                return;
            }
            boolean git = m.has("git");
            At refAt = at.child(git ? "git" : "oci");
            refAt.map(m.get(git ? "git" : "oci").orElseThrow()).ifPresent(r -> {
                List<String> required = git ? List.of("url", "rev") : List.of("registry", "repository", "tag");
                List<String> allowed = git ? List.of("url", "rev", "dir", "file")
                        : List.of("registry", "repository", "tag", "dir", "file");
                refAt.onlyKeys(r, allowed);
                required.forEach(k -> refAt.requireKey(r, k));
                r.entries().forEach(e -> refAt.child(e.key()).alphanumeric(e.value()));
            });
        });
    }

    /** {@code env} (string values) or {@code inputs}/{@code outputs} (any values), keyed by identifiers. */
    private static void names(YNode node, At at, boolean stringsOnly) {
        at.map(node).ifPresent(m -> m.entries().forEach(e -> {
            if (!NAME.matcher(e.key()).matches()) {
                at.diagnostics().error(e.keyPos(), at.path(), "invalid-name", at.path() + " name '" + e.key()
                        + "' should be letters, digits and '_', not starting with a digit");
            }
            if (stringsOnly) {
                at.child(e.key()).string(e.value());
            }
        }));
    }
}
