package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import java.util.List;

/**
 * {@code secrets}: each variable names one provider ({@code vault}, {@code gcp_secret_manager},
 * {@code azure_key_vault}, {@code aws_secrets_manager}, {@code gitlab_secrets_manager},
 * {@code akeyless}), plus {@code file} and {@code token}; {@code gcp_secret_manager} needs {@code token}.
 */
final class SecretsKeyword {

    private static final List<String> PROVIDERS = List.of("vault", "gcp_secret_manager", "azure_key_vault",
            "aws_secrets_manager", "gitlab_secrets_manager", "akeyless");

    private SecretsKeyword() {
    }

    static void check(YNode node, At at) {
        at.map(node).ifPresent(m -> m.entries().forEach(e -> secret(e.value(), at.child(e.key()))));
    }

    private static void secret(YNode node, At at) {
        at.map(node).ifPresent(m -> {
            List<String> keys = new java.util.ArrayList<>(PROVIDERS);
            keys.addAll(List.of("file", "token"));
            at.onlyKeys(m, keys);
            if (PROVIDERS.stream().noneMatch(m::has)) {
                at.error(m, "missing-key", at.path() + " config should name a secret provider: " + String.join(", ", PROVIDERS));
            }
            if (m.has("gcp_secret_manager") && !m.has("token")) {
                at.error(m, "missing-key", at.path() + " config missing required key 'token' (needed by gcp_secret_manager)");
            }
            m.get("file").ifPresent(v -> at.child("file").bool(v));
            m.get("token").ifPresent(v -> at.child("token").string(v));
            m.get("vault").ifPresent(v -> vault(v, at.child("vault")));
            m.get("gcp_secret_manager").ifPresent(v -> hash(v, at.child("gcp_secret_manager"), List.of("name"),
                    List.of("name", "version")));
            m.get("azure_key_vault").ifPresent(v -> hash(v, at.child("azure_key_vault"), List.of("name"),
                    List.of("name", "version")));
            m.get("gitlab_secrets_manager").ifPresent(v -> hash(v, at.child("gitlab_secrets_manager"), List.of("name"),
                    List.of("name")));
            m.get("aws_secrets_manager").filter(v -> !(v instanceof YScalar s && s.isString()))
                    .ifPresent(v -> hash(v, at.child("aws_secrets_manager"), List.of("secret_id"), List.of("secret_id",
                            "version_id", "version_stage", "region", "role_arn", "role_session_name", "field")));
            m.get("akeyless").ifPresent(v -> at.child("akeyless").map(v)
                    .ifPresent(a -> a.entries().forEach(e -> at.child("akeyless").child(e.key()).alphanumeric(e.value()))));
        });
    }

    /** {@code vault}: {@code path/to/secret/field@engine}, or {@code {engine: {name, path}, path, field}}. */
    private static void vault(YNode node, At at) {
        if (node instanceof YScalar s && s.isString()) {
            return;
        }
        hash(node, at, List.of("engine", "path", "field"), List.of("engine", "path", "field"));
        if (node instanceof YMap m) {
            m.get("engine").ifPresent(e -> hash(e, at.child("engine"), List.of("name", "path"), List.of("name", "path")));
        }
    }

    /** A hash with these required keys, only these allowed keys, and string (or number) values. */
    private static void hash(YNode node, At at, List<String> required, List<String> allowed) {
        at.map(node).ifPresent(m -> {
            at.onlyKeys(m, allowed);
            required.forEach(k -> at.requireKey(m, k));
            m.entries().stream().filter(e -> allowed.contains(e.key()) && !(e.value() instanceof YMap))
                    .forEach(e -> at.child(e.key()).alphanumeric(e.value()));
        });
    }
}
