package dev.sluice.config.keywords;

import dev.sluice.config.model.Image;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code image}: a name, or {@code {name, entrypoint, pull_policy, docker: {platform, user},
 * kubernetes: {user}}}. The option checks here are shared with {@code services}.
 */
public final class ImageKeyword {

    static final List<String> KEYS = List.of("name", "entrypoint", "pull_policy", "docker", "kubernetes");
    static final List<String> PULL_POLICIES = List.of("always", "never", "if-not-present");

    private ImageKeyword() {
    }

    public static Optional<Image> read(YNode node, At at) {
        if (node instanceof YScalar s && s.isString()) {
            return name(node, at).map(Image::named);
        }
        if (!(node instanceof YMap map)) {
            at.wrongType(node, "a hash or a string");
            return Optional.empty();
        }
        boolean ok = at.onlyKeys(map, KEYS);
        Optional<String> name = requiredName(map, at);
        Optional<List<String>> entrypoint = map.get("entrypoint").flatMap(n -> nonEmptyStrings(n, at.child("entrypoint")));
        ok &= map.get("entrypoint").isEmpty() || entrypoint.isPresent();
        Optional<List<String>> pullPolicy = map.get("pull_policy").map(n -> pullPolicy(n, at.child("pull_policy")))
                .orElse(Optional.of(List.of()));
        Optional<ExecutorOptions> options = executorOptions(map, at);
        if (!ok || name.isEmpty() || pullPolicy.isEmpty() || options.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Image(name.get(), entrypoint, pullPolicy.get(), options.get().user(),
                options.get().platform()));
    }

    /** What {@code docker:} and {@code kubernetes:} say; the container user is docker's, else kubernetes'. */
    record ExecutorOptions(Optional<String> user, Optional<String> platform) {
    }

    static Optional<String> requiredName(YMap map, At at) {
        if (!at.requireKey(map, "name")) {
            return Optional.empty();
        }
        return name(map.get("name").orElseThrow(), at.child("name"));
    }

    private static Optional<String> name(YNode node, At at) {
        return at.string(node).flatMap(s -> nonBlank(node, s, at));
    }

    static Optional<String> nonBlank(YNode node, String value, At at) {
        if (value.isEmpty()) {
            at.error(node, "invalid-value", at.path() + " config can't be blank");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A non-empty array of strings ({@code entrypoint}, {@code command}). */
    static Optional<List<String>> nonEmptyStrings(YNode node, At at) {
        Optional<List<String>> list = at.strings(node);
        if (list.isPresent() && list.get().isEmpty()) {
            at.error(node, "invalid-value", at.path() + " config should contain at least one item");
            return Optional.empty();
        }
        return list;
    }

    /** {@code pull_policy}: one policy or a non-empty array of them. */
    static Optional<List<String>> pullPolicy(YNode node, At at) {
        if (node instanceof YSeq seq && seq.size() == 0) {
            at.error(node, "invalid-value", at.path() + " config should contain at least one item");
            return Optional.empty();
        }
        List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (YNode item : items) {
            Optional<String> p = at.oneOf(item, PULL_POLICIES);
            p.ifPresent(out::add);
            ok &= p.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** Validates {@code docker: {platform, user}} and {@code kubernetes: {user}} of an image or service. */
    static Optional<ExecutorOptions> executorOptions(YMap map, At at) {
        boolean ok = true;
        Optional<String> platform = Optional.empty();
        Optional<String> dockerUser = Optional.empty();
        Optional<String> kubernetesUser = Optional.empty();
        if (map.get("docker").isPresent()) {
            At docker = at.child("docker");
            Optional<YMap> opts = docker.map(map.get("docker").get());
            ok &= opts.isPresent();
            if (opts.isPresent()) {
                ok &= docker.onlyKeys(opts.get(), List.of("platform", "user"));
                platform = opts.get().get("platform").flatMap(n -> name(n, docker.child("platform")));
                ok &= opts.get().get("platform").isEmpty() || platform.isPresent();
                dockerUser = opts.get().get("user").flatMap(n -> name(n, docker.child("user")));
                ok &= opts.get().get("user").isEmpty() || dockerUser.isPresent();
            }
        }
        if (map.get("kubernetes").isPresent()) {
            At kubernetes = at.child("kubernetes");
            Optional<YMap> opts = kubernetes.map(map.get("kubernetes").get());
            ok &= opts.isPresent();
            if (opts.isPresent()) {
                ok &= kubernetes.onlyKeys(opts.get(), List.of("user"));
                // A uid may be written as a number (user: 1001) as well as "1001:1001".
                kubernetesUser = opts.get().get("user")
                        .flatMap(n -> kubernetes.child("user").alphanumeric(n).flatMap(s -> nonBlank(n, s, kubernetes.child("user"))));
                ok &= opts.get().get("user").isEmpty() || kubernetesUser.isPresent();
            }
        }
        Optional<String> user = dockerUser.isPresent() ? dockerUser : kubernetesUser;
        return ok ? Optional.of(new ExecutorOptions(user, platform)) : Optional.empty();
    }
}
