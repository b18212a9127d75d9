package dev.sluice.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Artifacts a job uploaded: its archive, handed to the jobs that depend on it, and its dotenv report. */
interface JobArtifacts {

    /** Why an upload was refused: the HTTP status and the message for the runner's log. */
    final class Rejected extends Exception {
        final int status;

        Rejected(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Stores one upload of {@code type} ({@code archive}, {@code dotenv}, ...); nothing is kept when refused. */
    void store(long jobId, String type, String format, InputStream body) throws Rejected, IOException;

    Optional<Path> archive(long jobId);

    /** The variables of the job's dotenv report; empty when it has none. */
    Map<String, String> dotenv(long jobId);
}
