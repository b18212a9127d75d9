package dev.sluice.cli.run;

import dev.sluice.config.RepositoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The files of a run's source as the compiler and planner see them: exactly the listed ones. */
final class SourceFiles implements RepositoryFiles {

    private final Path root;
    private final List<String> files;
    private final Set<String> listed;

    SourceFiles(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
        this.listed = new HashSet<>(files);
    }

    @Override
    public Optional<String> read(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        relative = Path.of(relative).normalize().toString().replace('\\', '/');
        if (!listed.contains(relative)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(root.resolve(relative), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> list() {
        return files;
    }

    /**
     * The key part of {@code cache:key:files}. GitLab hashes the last commits that changed the files;
     * a local run hashes their contents instead, so an uncommitted change to a lock file gets a new
     * cache. {@code default} when none of the files exists, as in GitLab.
     */
    String cacheKey(List<String> paths) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            boolean any = false;
            for (String path : paths) {
                Path file = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
                if (file.startsWith(root) && Files.isRegularFile(file)) {
                    digest.update(path.getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                    any = true;
                }
            }
            return any ? HexFormat.of().formatHex(digest.digest()).substring(0, 40) : "default";
        } catch (IOException | NoSuchAlgorithmException e) {
            return "default";
        }
    }
}
