package dev.sluice.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where jobs' artifact files go: a directory for {@code sluice run}, the coordinator's API for a runner.
 * Files are named per job: {@code artifacts.zip} for the archive, {@code <type>.zip} for reports.
 */
public interface ArtifactStore {

    String ARCHIVE = "artifacts.zip";

    /** Stores a copy of {@code file} as {@code fileName} of job {@code jobId}, replacing any earlier one. */
    void put(long jobId, String fileName, Path file) throws IOException;

    /** A local path to read the file from, if that job has it. */
    Optional<Path> find(long jobId, String fileName) throws IOException;
}
