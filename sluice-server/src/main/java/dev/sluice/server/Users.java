package dev.sluice.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The people (and tools) who use the REST API; admins may do everything. */
interface Users {

    record User(long id, String username, String name, String email, boolean admin, Instant createdAt) {
    }

    User create(String username, String name, String email, boolean admin);

    Optional<User> find(long id);

    Optional<User> byUsername(String username);

    /** Ordered by id. */
    List<User> list(long offset, int limit);

    long count();

    /** Stores a {@link Passwords#hash}; false when there is no such user. */
    boolean setPassword(long id, String passwordHash);

    /** The stored {@link Passwords#hash}; empty when the user has none (token-only users). */
    Optional<String> passwordHash(long id);
}
