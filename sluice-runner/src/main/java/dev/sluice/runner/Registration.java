package dev.sluice.runner;

import dev.sluice.protocol.RegisterRunnerRequest;
import dev.sluice.protocol.RegisteredRunner;
import dev.sluice.protocol.UnregisterRunnerRequest;
import dev.sluice.protocol.VerifyRunnerRequest;
import dev.sluice.protocol.VersionInfo;

import java.util.List;
import java.util.Map;

/**
 * {@code register} and {@code unregister} as gitlab-runner does them: a {@code glrt-} token is verified
 * ({@code POST /runners/verify}, the tags and the like live on the server), any other token registers a new
 * runner ({@code POST /runners}); unregistering a {@code glrt-} runner removes only this manager.
 */
public final class Registration {

    /** What {@code sluice runner register} asks for; tags and flags are ignored with a {@code glrt-} token. */
    public record Request(String url, String token, String description, List<String> tags, boolean runUntagged,
                          boolean locked, String accessLevel, int maximumTimeout, boolean paused, String executor) {
    }

    private final VersionInfo info;
    private final String systemId;

    public Registration(VersionInfo info, String systemId) {
        this.info = info;
        this.systemId = systemId;
    }

    public RunnerEntry register(CoordinatorClient client, Request r) throws ApiException, InterruptedException {
        RegisteredRunner reply;
        if (RunnerEntry.isCreatedRunnerToken(r.token())) {
            reply = client.verify(new VerifyRunnerRequest(r.token(), systemId, info));
            if (reply.id() == null || reply.id() == 0) {
                throw new ApiException(200, "Failed to verify the runner: the server returned no runner id");
            }
            reply = new RegisteredRunner(reply.id(), reply.token() == null ? r.token() : reply.token(), reply.tokenExpiresAt());
        } else {
            // gitlab-runner sets run_untagged itself when there are no tags
            boolean untagged = r.tags().isEmpty() || r.runUntagged();
            reply = client.register(new RegisterRunnerRequest(r.token(), r.description(), null, String.join(",", r.tags()),
                    untagged, r.locked(), r.accessLevel(), r.maximumTimeout() > 0 ? r.maximumTimeout() : null, r.paused(),
                    info, Map.of()));
        }
        if (reply.token() == null || reply.token().isEmpty()) {
            throw new ApiException(0, "the server returned no runner token");
        }
        var entry = RunnerEntry.of(r.url(), reply.id() == null ? 0 : reply.id(), reply.token(), r.executor());
        return new RunnerEntry(r.description(), entry.url(), entry.id(), entry.token(),
                TokenExpiry.of(java.time.Instant.now(), reply.tokenExpiresAt()),
                entry.executor(), 0, 1, 0, entry.buildsDir(), entry.cacheDir(), List.of(), entry.docker(), false);
    }

    public void unregister(CoordinatorClient client, RunnerEntry entry) throws ApiException, InterruptedException {
        String manager = RunnerEntry.isCreatedRunnerToken(entry.token()) ? systemId : null;
        client.unregister(new UnregisterRunnerRequest(entry.token(), manager));
    }

    /** The health check gitlab-runner makes at start: verify the token; false when the server says it is gone. */
    public boolean verify(CoordinatorClient client, RunnerEntry entry) throws InterruptedException {
        try {
            client.verify(new VerifyRunnerRequest(entry.token(), systemId, info));
            return true;
        } catch (ApiException e) {
            return e.status() != 403;
        }
    }
}
