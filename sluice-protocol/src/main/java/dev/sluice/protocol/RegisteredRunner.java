package dev.sluice.protocol;

/**
 * The reply to register ({@code 201}), verify ({@code 200}) and token reset ({@code 201}): the runner's id
 * and authentication token. gitlab-runner aborts a registration through verify unless {@code id} is non-zero.
 *
 * @param tokenExpiresAt RFC 3339 time, or {@code null} when the token does not expire
 */
public record RegisteredRunner(Long id, String token, String tokenExpiresAt) {
}
