package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Sluice (GitLab v4) REST API as {@code sluice admin} calls it: JSON with a personal access token. Every failure
 * (no server, a refused token, a refused request) becomes a {@link UserError} naming what to check.
 */
final class RestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private final String token;

    RestClient(String baseUrl, String token) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
    }

    JsonNode get(String path) throws InterruptedException {
        return send(request(path).GET());
    }

    JsonNode post(String path, Object body) throws InterruptedException {
        return withBody("POST", path, body);
    }

    JsonNode put(String path, Object body) throws InterruptedException {
        return withBody("PUT", path, body);
    }

    private JsonNode withBody(String method, String path, Object body) throws InterruptedException {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    void delete(String path) throws InterruptedException {
        send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        URI uri;
        try {
            uri = URI.create(baseUrl + "/api/v4" + path);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--url: not a URL: " + baseUrl);
        }
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("PRIVATE-TOKEN", token);
    }

    private JsonNode send(HttpRequest.Builder request) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new UserError(ExitCodes.FAILURE, "cannot reach the Sluice server at " + baseUrl + " (is it running? check --url or SLUICE_URL)");
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(ExitCodes.FAILURE, "cannot talk to the Sluice server at " + baseUrl + ": " + e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new UserError(ExitCodes.FAILURE, "the server at " + baseUrl
                    + " refused the token (401 Unauthorized): check --token or SLUICE_TOKEN; it may be revoked or expired");
        }
        if (status >= 400) {
            String hint = status == 403 ? " (this needs an administrator's token with the api scope)" : "";
            throw new UserError(ExitCodes.FAILURE, "the server refused: " + message(response) + hint);
        }
        if (status == 204 || response.body().isEmpty()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new UserError(ExitCodes.FAILURE, "the server at " + baseUrl + " did not answer with JSON: is it a Sluice server?");
        }
    }

    private static String message(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body != null && body.hasNonNull("message")) {
                return body.get("message").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: the status says enough
        }
        return response.statusCode() + " " + response.body().lines().findFirst().orElse("");
    }
}
