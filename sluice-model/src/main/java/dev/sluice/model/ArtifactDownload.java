package dev.sluice.model;

import java.util.Objects;

/**
 * An earlier job whose artifact archive is restored into the working copy before the script.
 *
 * @param hasArchive whether that job uploaded an archive; GitLab sends {@code artifacts_file} only then, and
 *                   the runner skips the download otherwise
 */
public record ArtifactDownload(long jobId, String jobName, boolean hasArchive) {

    public ArtifactDownload {
        Objects.requireNonNull(jobName);
    }
}
