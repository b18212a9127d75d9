package dev.sluice.protocol;

import java.util.List;

/**
 * One entry of {@code artifacts}: one upload. The runner copies {@code artifactType} and
 * {@code artifactFormat} into the upload query ({@link ArtifactUpload}).
 *
 * @param when {@code on_success}, {@code on_failure} or {@code always}; empty means on_success
 */
public record Artifact(String name, Boolean untracked, List<String> paths, List<String> exclude, String when,
                       String artifactType, String artifactFormat, String expireIn) {

    public static final String ARCHIVE = "archive";
}
