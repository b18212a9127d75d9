package dev.sluice.model;

import java.util.Locale;

/** When artifacts or a cache are saved, relative to the job's result ({@code when:} of artifacts and cache). */
public enum UploadWhen {
    ON_SUCCESS, ON_FAILURE, ALWAYS;

    /** Whether to save for a job that succeeded ({@code true}) or failed, timed out or was canceled. */
    public boolean appliesTo(boolean jobSucceeded) {
        return this == ALWAYS || (this == ON_SUCCESS) == jobSucceeded;
    }

    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }
}
