package dev.sluice.server;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Personal access tokens, kept only as {@link Tokens#hash} of the secret. */
interface AccessTokens {

    /**
     * The scopes GitLab defines that mean something to Sluice; {@code read_api} allows only reads,
     * {@code read_repository} cloning and fetching, {@code write_repository} pushing too.
     */
    List<String> SCOPES = List.of("api", "read_api", "read_user", "read_repository", "write_repository");

    record Token(long id, long userId, String name, List<String> scopes, LocalDate expiresAt, boolean revoked,
                 Instant createdAt, Instant lastUsedAt) {

        /** GitLab: a token expires at midnight UTC at the start of its expiry date. */
        boolean active(LocalDate today) {
            return !revoked && (expiresAt == null || today.isBefore(expiresAt));
        }

        /** {@code api} allows everything, {@code read_api} every read, {@code read_user} reading users. */
        boolean allows(String httpMethod, String path) {
            boolean read = httpMethod.equals("GET");
            return scopes.contains("api") || read && scopes.contains("read_api")
                    || read && scopes.contains("read_user") && path.startsWith("/api/v4/user");
        }

        /** Git over HTTP: {@code api} and {@code write_repository} allow pushing, {@code read_repository} fetching. */
        boolean allowsGit(boolean push) {
            return scopes.contains("api") || scopes.contains("write_repository") || !push && scopes.contains("read_repository");
        }
    }

    Token create(long userId, String name, String tokenHash, List<String> scopes, LocalDate expiresAt);

    Optional<Token> find(long id);

    Optional<Token> byHash(String tokenHash);

    /** Ordered by id; every user's when {@code userId} is empty. */
    List<Token> list(Optional<Long> userId);

    boolean revoke(long id);

    void used(long id, Instant when);
}
