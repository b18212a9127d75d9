package dev.sluice.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Artifacts in a local directory: {@code <root>/<job id>/<file name>}. */
public final class LocalArtifactStore implements ArtifactStore {

    private final Path root;

    public LocalArtifactStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(long jobId, String fileName, Path file) throws IOException {
        Path target = path(jobId, fileName);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(fileName + ".partial");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<Path> find(long jobId, String fileName) {
        Path p = path(jobId, fileName);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private Path path(long jobId, String fileName) {
        return root.resolve(Long.toString(jobId)).resolve(fileName);
    }
}
