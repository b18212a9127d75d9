package dev.sluice.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads one forge's webhook request: whether it carries the project's secret, its delivery id, and its event, in
 * the shapes GitLab, GitHub and Gitea document. GitHub and Gitea sign the body (HMAC-SHA256); GitLab sends the
 * secret itself as a token. Every comparison takes constant time.
 */
final class WebhookDecoder {

    /** The request could not be read as the forge's webhook; the message says why. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final Mirrors.Forge forge;
    private final Function<String, String> headers;

    /** @param headers a request header by name, null when absent */
    WebhookDecoder(Mirrors.Forge forge, Function<String, String> headers) {
        this.forge = forge;
        this.headers = headers;
    }

    boolean authentic(byte[] body, String secret) {
        return switch (forge) {
            case GITLAB -> header("X-Gitlab-Token").map(t -> same(t, secret)).orElse(false);
            case GITHUB -> header("X-Hub-Signature-256").map(s -> same(s, "sha256=" + hmac(secret, body))).orElse(false);
            case GITEA -> header("X-Gitea-Signature").map(s -> same(s, hmac(secret, body))).orElse(false);
        };
    }

    /** The forge's id for this delivery, the same when it redelivers. */
    Optional<String> deliveryId() {
        return switch (forge) {
            case GITLAB -> header("X-Gitlab-Event-UUID");
            case GITHUB -> header("X-GitHub-Delivery");
            case GITEA -> header("X-Gitea-Delivery");
        };
    }

    ForgeEvent event(JsonNode body) throws Malformed {
        String kind = header(switch (forge) {
            case GITLAB -> "X-Gitlab-Event";
            case GITHUB -> "X-GitHub-Event";
            case GITEA -> "X-Gitea-Event";
        }).orElseThrow(() -> new Malformed("not a " + forge.id() + " webhook: its event header is missing"));
        return switch (forge) {
            case GITLAB -> switch (kind) {
                case "Push Hook", "Tag Push Hook" -> push(body);
                case "Merge Request Hook" -> gitLabMergeRequest(body);
                default -> new ForgeEvent.Ignored(kind);
            };
            case GITHUB, GITEA -> switch (kind) {
                case "push" -> push(body);
                case "pull_request" -> pullRequest(body);
                default -> new ForgeEvent.Ignored(kind);
            };
        };
    }

    /** All three forges name a push's ref, old and new commit alike. */
    private static ForgeEvent.Push push(JsonNode body) throws Malformed {
        return new ForgeEvent.Push(text(body, "ref"), text(body, "before"), text(body, "after"));
    }

    private static ForgeEvent.MergeRequest gitLabMergeRequest(JsonNode body) throws Malformed {
        JsonNode mr = field(body, "object_attributes");
        return new ForgeEvent.MergeRequest(mr.path("action").asText("open"), field(mr, "iid").asLong(), text(mr, "title"),
                text(mr, "source_branch"), text(mr, "target_branch"), text(field(mr, "last_commit"), "id"));
    }

    /** GitHub's {@code pull_request} event; Gitea sends the same shape. */
    private static ForgeEvent.MergeRequest pullRequest(JsonNode body) throws Malformed {
        JsonNode pr = field(body, "pull_request");
        JsonNode head = field(pr, "head");
        return new ForgeEvent.MergeRequest(text(body, "action"), field(body, "number").asLong(), text(pr, "title"),
                text(head, "ref"), text(field(pr, "base"), "ref"), text(head, "sha"));
    }

    private Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }

    private static JsonNode field(JsonNode node, String name) throws Malformed {
        if (node == null || !node.hasNonNull(name)) {
            throw new Malformed("the payload has no '" + name + "'");
        }
        return node.get(name);
    }

    private static String text(JsonNode node, String name) throws Malformed {
        return field(node, name).asText();
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
