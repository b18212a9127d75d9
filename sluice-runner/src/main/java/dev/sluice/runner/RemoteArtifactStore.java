package dev.sluice.runner;

import dev.sluice.executor.ArtifactStore;
import dev.sluice.protocol.Artifact;
import dev.sluice.protocol.ArtifactUpload;
import dev.sluice.protocol.Dependency;
import dev.sluice.protocol.JobPayload;
import dev.sluice.protocol.ReportTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator as the job's {@link ArtifactStore}: the executor's zips go up with the job token, each as
 * its payload {@code artifacts[]} entry says ({@code artifact_type}, {@code artifact_format},
 * {@code expire_in}); dependency archives come down with the token their {@code dependencies[]} entry carries.
 */
final class RemoteArtifactStore implements ArtifactStore {

    private final CoordinatorClient client;
    private final JobPayload job;
    private final Path scratch;

    RemoteArtifactStore(CoordinatorClient client, JobPayload job, Path scratch) {
        this.client = client;
        this.job = job;
        this.scratch = scratch;
    }

    @Override
    public void put(long jobId, String fileName, Path file) throws IOException {
        String type = fileName.equals(ARCHIVE) ? Artifact.ARCHIVE : fileName.substring(0, fileName.length() - ".zip".length());
        Artifact entry = entries().stream().filter(a -> type.equals(a.artifactType() == null || a.artifactType().isEmpty()
                ? Artifact.ARCHIVE : a.artifactType())).findFirst()
                .orElse(new Artifact(type, null, List.of(), null, null, type, type.equals(Artifact.ARCHIVE) ? "zip" : ReportTypes.format(type), null));
        var query = ArtifactUpload.of(entry);
        Files.createDirectories(scratch);
        Path body = ReportFormats.convert(file, query.formatOrDefault(), scratch);
        try {
            int status = client.uploadArtifact(job.id(), job.token(), query, uploadName(entry, query), body);
            if (status != 201) {
                throw new IOException("Uploading artifacts as \"" + query.typeOrDefault() + "\" to coordinator... "
                        + (status == 413 ? "too large archive" : "failed") + " (HTTP " + status + ")");
            }
        } catch (ApiException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading artifacts", e);
        } finally {
            if (!body.equals(file)) {
                Files.deleteIfExists(body);
            }
        }
    }

    @Override
    public Optional<Path> find(long jobId, String fileName) throws IOException {
        Optional<Dependency> dep = (job.dependencies() == null ? List.<Dependency>of() : job.dependencies()).stream()
                .filter(d -> d.id() != null && d.id() == jobId).findFirst();
        if (dep.isEmpty() || !fileName.equals(ARCHIVE)) {
            return Optional.empty();
        }
        Files.createDirectories(scratch);
        Path target = Files.createTempFile(scratch, "dependency-" + jobId, ".zip");
        String token = dep.get().token() == null || dep.get().token().isEmpty() ? job.token() : dep.get().token();
        try {
            client.downloadArtifact(jobId, token, target);
            return Optional.of(target);
        } catch (ApiException e) {
            Files.deleteIfExists(target);
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading artifacts", e);
        }
    }

    private List<Artifact> entries() {
        return job.artifacts() == null ? List.of() : job.artifacts();
    }

    private static String uploadName(Artifact entry, ArtifactUpload query) {
        String name = entry.name() == null || entry.name().isEmpty() ? "artifacts" : Path.of(entry.name()).getFileName().toString();
        return query.formatOrDefault().equals("zip") && !name.endsWith(".zip") ? name + ".zip" : name;
    }
}
