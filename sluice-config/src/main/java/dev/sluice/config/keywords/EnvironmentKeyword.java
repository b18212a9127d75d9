package dev.sluice.config.keywords;

import dev.sluice.config.model.Environment;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code environment}: a name, or {@code {name, url, on_stop, action, auto_stop_in, kubernetes,
 * deployment_tier}}. Whether {@code on_stop} names a fitting job is checked across jobs, not here.
 */
public final class EnvironmentKeyword {

    /** GitLab's environment_name_regex, also used for {@code resource_group}: no leading or trailing '/'. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_\\$\\{\\}. -]([a-zA-Z0-9_/\\$\\{\\}. -]*[a-zA-Z0-9_\\$\\{\\}. -])?");
    static final String NAME_RULE = "can contain only letters, digits, '-', '_', '/', '$', '{', '}', '.', and spaces,"
            + " but it cannot start or end with '/'";
    private static final List<String> KEYS = List.of("name", "url", "on_stop", "action", "auto_stop_in", "kubernetes",
            "deployment_tier");
    private static final List<String> ACTIONS = List.of("start", "prepare", "stop", "verify", "access");
    private static final List<String> TIERS = List.of("production", "staging", "testing", "development", "other");
    private static final List<String> KUBERNETES_KEYS = List.of("namespace", "agent", "flux_resource_path",
            "dashboard", "managed_resources");
    private static final int MAX_LENGTH = 255;

    private EnvironmentKeyword() {
    }

    public static Optional<Environment> read(YNode node, At at) {
        if (node instanceof YScalar s && s.isString()) {
            return name(node, at).map(Environment::named);
        }
        if (!(node instanceof YMap map)) {
            at.wrongType(node, "a hash or a string");
            return Optional.empty();
        }
        boolean ok = at.onlyKeys(map, KEYS);
        Optional<String> name = at.requireKey(map, "name") ? name(map.get("name").get(), at.child("name")) : Optional.empty();
        Optional<String> url = optionalString(map, "url", at);
        if (url.isPresent() && url.get().length() > MAX_LENGTH) {
            at.error(map.get("url").get(), "invalid-value", at.path() + ":url config is too long (maximum is 255 characters)");
            ok = false;
        }
        Optional<String> onStop = optionalString(map, "on_stop", at);
        Optional<String> action = map.get("action").flatMap(n -> at.child("action").oneOf(n, ACTIONS));
        Optional<String> tier = map.get("deployment_tier").flatMap(n -> at.child("deployment_tier").oneOf(n, TIERS));
        Optional<String> autoStopIn = map.get("auto_stop_in").flatMap(n -> autoStopIn(n, at.child("auto_stop_in")));
        Optional<String> namespace = Optional.empty();
        if (map.get("kubernetes").isPresent()) {
            At k8s = at.child("kubernetes");
            Optional<YMap> opts = k8s.map(map.get("kubernetes").get());
            ok &= opts.isPresent() && k8s.onlyKeys(opts.get(), KUBERNETES_KEYS);
            if (opts.isPresent()) {
                namespace = optionalString(opts.get(), "namespace", k8s);
                ok &= present(opts.get(), "namespace", namespace);
                ok &= present(opts.get(), "agent", optionalString(opts.get(), "agent", k8s));
                ok &= present(opts.get(), "flux_resource_path", optionalString(opts.get(), "flux_resource_path", k8s));
            }
        }
        ok &= present(map, "url", url) && present(map, "on_stop", onStop) && present(map, "action", action)
                && present(map, "deployment_tier", tier) && present(map, "auto_stop_in", autoStopIn);
        if (!ok || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Environment(name.get(), url, onStop, action.orElse("start"), autoStopIn, tier, namespace));
    }

    /** Whether {@code value} is a valid environment (or resource group) name. */
    static boolean validName(String value) {
        return NAME.matcher(value).matches();
    }

    private static Optional<String> name(YNode node, At at) {
        Optional<String> name = at.string(node);
        if (name.isEmpty()) {
            return name;
        }
        if (name.get().isEmpty()) {
            at.error(node, "invalid-value", at.path() + " config can't be blank");
            return Optional.empty();
        }
        if (name.get().length() > MAX_LENGTH || !validName(name.get())) {
            at.error(node, "invalid-value", at.path() + " config " + NAME_RULE
                    + (name.get().length() > MAX_LENGTH ? " (maximum is 255 characters)" : ""));
            return Optional.empty();
        }
        return name;
    }

    /** A duration, {@code never}, or a value holding a variable (expanded when the job is created). */
    private static Optional<String> autoStopIn(YNode node, At at) {
        if (node instanceof YScalar s && s.isString() && s.value().contains("$")) {
            return Optional.of(s.value());
        }
        return DurationKeyword.readOrNever(node, at);
    }

    private static Optional<String> optionalString(YMap map, String key, At at) {
        return map.get(key).flatMap(n -> at.child(key).string(n));
    }

    private static boolean present(YMap map, String key, Optional<?> read) {
        return map.get(key).isEmpty() || read.isPresent();
    }
}
