package dev.sluice.executor;

import java.io.IOException;
import java.nio.file.Path;

/** Fills the job's working copy with the sources ({@code get_sources}): a clone, a fetch, a copy. */
@FunctionalInterface
public interface WorkingCopy {

    void populate(Path projectDir, TraceSink log) throws IOException;

    /** The directory is already in place (or the job needs no sources): only make sure it exists. */
    static WorkingCopy existing() {
        return (dir, log) -> java.nio.file.Files.createDirectories(dir);
    }
}
