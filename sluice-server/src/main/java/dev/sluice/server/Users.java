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
}
