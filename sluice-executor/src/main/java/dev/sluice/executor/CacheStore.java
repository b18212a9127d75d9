package dev.sluice.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Cache archives by key. Caching is best effort: callers report failures as warnings, never fail the job. */
public interface CacheStore {

    Optional<Path> find(String key) throws IOException;

    /** Stores a copy of {@code archive} under {@code key}, atomically replacing any earlier one. */
    void put(String key, Path archive) throws IOException;
}
