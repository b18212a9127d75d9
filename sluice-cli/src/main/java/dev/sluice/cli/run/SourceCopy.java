package dev.sluice.cli.run;

import dev.sluice.executor.TraceSink;
import dev.sluice.executor.WorkingCopy;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A job's clean working copy for a local run: the listed files of the work tree (as they are, commit
 * or not) copied into an emptied directory, modes and symbolic links kept. The local counterpart of
 * gitlab-runner's fresh clone.
 */
final class SourceCopy implements WorkingCopy {

    private final Path root;
    private final List<String> files;

    SourceCopy(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
    }

    @Override
    public void populate(Path projectDir, TraceSink log) throws IOException {
        deleteTree(projectDir);
        Files.createDirectories(projectDir);
        int copied = 0;
        for (String file : files) {
            Path from = root.resolve(file);
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                continue; // deleted in the work tree but still in the index
            }
            Path to = projectDir.resolve(file);
            Files.createDirectories(to.getParent());
            if (Files.isSymbolicLink(from)) {
                Files.createSymbolicLink(to, Files.readSymbolicLink(from));
            } else if (Files.isRegularFile(from)) {
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                continue; // a submodule or a directory git lists as a path: not copied
            }
            copied++;
        }
        log.write("Copied " + copied + " files of " + root + " into a clean working copy\n");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                d.toFile().setWritable(true); // jobs may leave read-only directories behind
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
