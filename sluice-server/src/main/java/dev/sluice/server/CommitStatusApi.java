package dev.sluice.server;

import dev.sluice.protocol.ProtocolJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A forge's commit status API ({@code POST <repository API>/statuses/<sha>}): each forge has its own words for
 * the states and its own authentication header. Builds the request as data; {@link CommitStatusReporter} sends it.
 */
sealed interface CommitStatusApi {

    /** A pipeline's state to show on the forge next to the commit; {@code status} is Sluice's pipeline status. */
    record CommitStatus(String sha, String ref, String status, String targetUrl, String description) {
    }

    /** The name under which the status appears on the forge. */
    String CONTEXT = "sluice";

    HttpRequest request(CommitStatus status);

    static CommitStatusApi of(Mirrors.StatusTarget target) {
        return switch (target.forge()) {
            case GITHUB -> new GitHub(target.apiUrl(), target.token());
            case GITLAB -> new GitLab(target.apiUrl(), target.token());
            case GITEA -> new Gitea(target.apiUrl(), target.token());
        };
    }

    /** GitHub's statuses API, which Gitea copies: pending, success, failure and error (a canceled pipeline). */
    private static HttpRequest githubStyle(String apiUrl, CommitStatus s, String authorization) {
        String state = switch (s.status()) {
            case "success", "skipped" -> "success";
            case "failed" -> "failure";
            case "canceled" -> "error";
            default -> "pending";
        };
        return post(apiUrl, s, Map.of("state", state, "target_url", s.targetUrl(), "description", s.description(),
                "context", CONTEXT), "Authorization", authorization);
    }

    /** GitHub knows pending, success, failure and error; a canceled pipeline is an error there. */
    record GitHub(String apiUrl, String token) implements CommitStatusApi {
        @Override
        public HttpRequest request(CommitStatus s) {
            return githubStyle(apiUrl, s, "Bearer " + token);
        }
    }

    /** GitLab knows pending, running, success, failed, canceled and skipped, and wants the ref. */
    record GitLab(String apiUrl, String token) implements CommitStatusApi {
        @Override
        public HttpRequest request(CommitStatus s) {
            String state = switch (s.status()) {
                case "running", "success", "failed", "canceled", "skipped" -> s.status();
                default -> "pending";
            };
            return post(apiUrl, s, Map.of("state", state, "ref", s.ref(), "name", CONTEXT, "target_url", s.targetUrl(),
                    "description", s.description()), "PRIVATE-TOKEN", token);
        }
    }

    /** Gitea knows pending, success, error, failure and warning. */
    record Gitea(String apiUrl, String token) implements CommitStatusApi {
        @Override
        public HttpRequest request(CommitStatus s) {
            return githubStyle(apiUrl, s, "token " + token);
        }
    }

    private static HttpRequest post(String apiUrl, CommitStatus s, Map<String, String> body, String authHeader, String auth) {
        String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        return HttpRequest.newBuilder(URI.create(base + "/statuses/" + s.sha()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(authHeader, auth)
                .POST(HttpRequest.BodyPublishers.ofByteArray(ProtocolJson.encode(new LinkedHashMap<>(body))))
                .build();
    }
}
