package dev.sluice.protocol;

/** {@code POST /api/v4/runners/reset_authentication_token}: the current token, answered with a {@link RegisteredRunner}. */
public record ResetTokenRequest(String token) {
}
