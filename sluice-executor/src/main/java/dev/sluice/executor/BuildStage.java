package dev.sluice.executor;

import java.util.Locale;

/** The stages of a job in the order gitlab-runner runs them; the names appear in log sections. */
public enum BuildStage {
    PREPARE_EXECUTOR, GET_SOURCES, RESTORE_CACHE, DOWNLOAD_ARTIFACTS, STEP_SCRIPT, AFTER_SCRIPT,
    ARCHIVE_CACHE, ARCHIVE_CACHE_ON_FAILURE, UPLOAD_ARTIFACTS_ON_SUCCESS, UPLOAD_ARTIFACTS_ON_FAILURE, CLEANUP;

    /** GitLab's spelling, e.g. {@code step_script}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
