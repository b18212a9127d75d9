package dev.sluice.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Caches in a local directory, as gitlab-runner's local cache: {@code <root>/<key>/cache.zip}. */
public final class LocalCacheStore implements CacheStore {

    private final Path root;

    public LocalCacheStore(Path root) {
        this.root = root;
    }

    @Override
    public Optional<Path> find(String key) {
        Path p = path(key);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public void put(String key, Path archive) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "cache", ".partial");
        Files.copy(archive, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path path(String key) {
        if (key.isEmpty() || key.contains("/") || key.contains("\\") || key.equals(".") || key.equals("..")) {
            throw new IllegalArgumentException("invalid cache key '" + key + "'");
        }
        return root.resolve(key).resolve("cache.zip");
    }
}
