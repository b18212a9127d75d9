package dev.sluice.executor;

import dev.sluice.model.JobSpec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a job runs and where its files go, on the runner's host.
 *
 * @param buildsDir   holds one working copy per project: {@code <buildsDir>/<JobSpec.projectDir>}
 * @param workingCopy fills the working copy before the caches are restored ({@code get_sources})
 * @param artifacts   where archives are uploaded to and downloaded from
 * @param caches      where cache archives live
 */
public record Workspace(Path buildsDir, WorkingCopy workingCopy, ArtifactStore artifacts, CacheStore caches) {

    public Workspace {
        buildsDir = buildsDir.toAbsolutePath().normalize();
        Objects.requireNonNull(workingCopy);
        Objects.requireNonNull(artifacts);
        Objects.requireNonNull(caches);
    }

    /** A workspace with a local artifact store and cache under {@code root}, builds in {@code root/builds}. */
    public static Workspace local(Path root, WorkingCopy workingCopy) {
        return new Workspace(root.resolve("builds"), workingCopy, new LocalArtifactStore(root.resolve("artifacts")),
                new LocalCacheStore(root.resolve("cache")));
    }

    public Path projectDir(JobSpec job) {
        return buildsDir.resolve(job.projectDir()).normalize();
    }

    /** gitlab-runner's {@code RUNNER_TEMP_PROJECT_DIR}: beside the working copy, never inside it. */
    public Path tmpDir(JobSpec job) {
        return buildsDir.resolve(job.projectDir() + ".tmp").normalize();
    }
}
