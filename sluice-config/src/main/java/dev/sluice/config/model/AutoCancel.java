package dev.sluice.config.model;

import java.util.Optional;

/** {@code workflow:auto_cancel}: {@code on_new_commit} (conservative, interruptible, none) and {@code on_job_failure} (none, all). */
public record AutoCancel(Optional<String> onNewCommit, Optional<String> onJobFailure) {

    public static final AutoCancel UNSET = new AutoCancel(Optional.empty(), Optional.empty());
}
