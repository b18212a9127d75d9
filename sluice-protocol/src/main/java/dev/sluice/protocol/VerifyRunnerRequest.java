package dev.sluice.protocol;

/** {@code POST /api/v4/runners/verify}: checks a {@code glrt-} token and records the runner manager. */
public record VerifyRunnerRequest(String token, String systemId, VersionInfo info) {
}
