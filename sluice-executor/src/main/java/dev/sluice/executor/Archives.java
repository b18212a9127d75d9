package dev.sluice.executor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives of a working copy's files, for artifacts and caches. {@code java.util.zip} cannot write Unix
 * modes, so an executable file carries a small extra field (id {@code 0x5358}, "XS") that {@link #extract}
 * reads back; other zip tools ignore it.
 */
final class Archives {

    private static final int EXEC_FIELD = 0x5358;
    private static final byte[] EXEC_EXTRA = {0x58, 0x53, 0, 0};

    private Archives() {
    }

    /** Writes {@code entries} (relative paths, directories ending in {@code /}) of {@code root} into {@code zip}. */
    static void create(Path root, List<String> entries, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip); var out = new ZipOutputStream(file)) {
            for (String name : entries) {
                Path source = root.resolve(name);
                var entry = new ZipEntry(name);
                entry.setTime(Files.getLastModifiedTime(source).toMillis());
                if (!name.endsWith("/") && Files.isExecutable(source)) {
                    entry.setExtra(EXEC_EXTRA);
                }
                out.putNextEntry(entry);
                if (!name.endsWith("/") && Files.isRegularFile(source)) {
                    Files.copy(source, out);
                }
                out.closeEntry();
            }
        }
    }

    /** Unpacks {@code zip} into {@code target}, replacing files; returns the number of entries. */
    static int extract(Path zip, Path target) throws IOException {
        Path base = target.toAbsolutePath().normalize();
        int count = 0;
        try (InputStream file = Files.newInputStream(zip); var in = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; count++) {
                Path dest = base.resolve(entry.getName()).normalize();
                if (!dest.startsWith(base)) {
                    throw new IOException("archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                Files.deleteIfExists(dest);
                Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                if (isExecutable(entry.getExtra())) {
                    addExecute(dest);
                }
            }
        }
        return count;
    }

    private static boolean isExecutable(byte[] extra) {
        if (extra == null) {
            return false;
        }
        for (int i = 0; i + 4 <= extra.length; ) {
            int id = (extra[i] & 0xff) | (extra[i + 1] & 0xff) << 8;
            int size = (extra[i + 2] & 0xff) | (extra[i + 3] & 0xff) << 8;
            if (id == EXEC_FIELD) {
                return true;
            }
            i += 4 + size;
        }
        return false;
    }

    private static void addExecute(Path file) throws IOException {
        try {
            var perms = new java.util.HashSet<>(Files.getPosixFilePermissions(file));
            perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }

    /** Deletes a directory tree, ignoring what is already gone; never follows links out of it. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover temp file is no reason to fail a job
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
