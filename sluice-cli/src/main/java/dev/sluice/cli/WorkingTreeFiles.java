package dev.sluice.cli;

import dev.sluice.config.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The files of a working tree on disk, as the compiler sees a repository: paths relative to the root
 * with {@code /} separators, {@code .git} left out, nothing readable outside the root (not through
 * {@code ..}, not through a symbolic link).
 */
final class WorkingTreeFiles implements RepositoryFiles {

    private final Path root;
    private final Path realRoot;
    private List<String> listing;

    WorkingTreeFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open working tree " + root, e);
        }
    }

    @Override
    public Optional<String> read(String path) {
        // GitLab writes include:local paths from the repository root, often with a leading slash.
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.isEmpty() || relative.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || isGitDir(root.relativize(file))) {
            return Optional.empty();
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) {
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(real), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized List<String> list() {
        if (listing == null) {
            listing = walk();
        }
        return listing;
    }

    private List<String> walk() {
        var found = new ArrayList<String>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    boolean listed = attrs.isRegularFile() || attrs.isSymbolicLink() && linksInside(file);
                    if (listed && !file.getFileName().toString().equals(".git")) {
                        found.add(slashed(root.relativize(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // unreadable corners of a working tree are not the pipeline's business
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list working tree " + root, e);
        }
        Collections.sort(found);
        return List.copyOf(found);
    }

    /** A symbolic link is part of the tree when it points at a regular file inside the root. */
    private boolean linksInside(Path link) {
        try {
            Path real = link.toRealPath();
            return real.startsWith(realRoot) && Files.isRegularFile(real);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isGitDir(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals(".git")) {
                return true;
            }
        }
        return false;
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
