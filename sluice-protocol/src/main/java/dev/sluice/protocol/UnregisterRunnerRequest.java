package dev.sluice.protocol;

/**
 * Body of {@code DELETE /api/v4/runners} ({@code systemId} null: the whole runner) and
 * {@code DELETE /api/v4/runners/managers} (one manager of a {@code glrt-} runner).
 */
public record UnregisterRunnerRequest(String token, String systemId) {
}
