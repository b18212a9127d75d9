package dev.sluice.protocol;

/**
 * One entry of {@code dependencies}: a job whose artifacts to restore. {@code artifactsFile} is present
 * only when that job has an archive; {@code token} is the {@code JOB-TOKEN} for downloading it.
 */
public record Dependency(Long id, String name, String token, ArtifactsFile artifactsFile) {

    public record ArtifactsFile(String filename, Long size) {
    }
}
