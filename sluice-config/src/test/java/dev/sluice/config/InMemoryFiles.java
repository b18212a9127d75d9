package dev.sluice.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Repository files held in memory, for tests: path → text. */
final class InMemoryFiles implements RepositoryFiles {

    private final TreeMap<String, String> files;

    InMemoryFiles(Map<String, String> files) {
        this.files = new TreeMap<>(files);
    }

    /** Every regular file under {@code root}, with paths relative to it. */
    static InMemoryFiles of(Path root) {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InMemoryFiles(files);
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public List<String> list() {
        return List.copyOf(files.keySet());
    }
}
