package dev.sluice.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A mirror's settings as {@code POST /projects} takes them beside {@code mirror: true} and {@code import_url}:
 * {@code mirror_webhook_secret} (required: webhooks are refused without it), and optionally all three of
 * {@code mirror_status_forge}, {@code mirror_status_url} and {@code mirror_status_token} to report commit statuses.
 */
record MirrorSettings(String webhookSecret, Optional<Mirrors.StatusTarget> status) {

    static MirrorSettings of(JsonNode body) {
        String secret = body.path("mirror_webhook_secret").asText("");
        if (secret.isBlank()) {
            throw bad("mirror_webhook_secret is missing: a mirror accepts only webhooks that carry its secret");
        }
        String forge = body.path("mirror_status_forge").asText("");
        String url = body.path("mirror_status_url").asText("");
        String token = body.path("mirror_status_token").asText("");
        if (forge.isEmpty() && url.isEmpty() && token.isEmpty()) {
            return new MirrorSettings(secret, Optional.empty());
        }
        var kind = Mirrors.Forge.of(forge)
                .orElseThrow(() -> bad("mirror_status_forge must be gitlab, github or gitea"));
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw bad("mirror_status_url must be the repository's http(s) API address");
        }
        if (token.isBlank()) {
            throw bad("mirror_status_token is missing");
        }
        return new MirrorSettings(secret, Optional.of(new Mirrors.StatusTarget(kind, url, token)));
    }

    private static RunnerApi.Refused bad(String message) {
        return new RunnerApi.Refused(400, "400 Bad Request - " + message);
    }
}
