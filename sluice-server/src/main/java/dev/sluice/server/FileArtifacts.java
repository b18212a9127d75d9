package dev.sluice.server;

import dev.sluice.model.Dotenv;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Artifacts as files under the data directory: {@code <job id>/archive.zip} and {@code <job id>/dotenv.env}.
 * An upload goes to a temporary file first and is moved into place only once it passed every check.
 */
final class FileArtifacts implements JobArtifacts {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private final Path dir;
    private final long maxBytes;

    FileArtifacts(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void store(long jobId, String type, String format, InputStream body) throws Rejected, IOException {
        Path tmp = Files.createTempFile(dir, "upload-" + jobId + "-", ".part");
        try {
            copyLimited(body, tmp);
            Path target = switch (type) {
                case "archive" -> {
                    checkZip(tmp);
                    yield archiveFile(jobId);
                }
                case "dotenv" -> {
                    var parsed = Dotenv.parse(read(tmp, format));
                    if (!parsed.ok()) {
                        throw new Rejected(400, "400 Bad Request - dotenv report: " + String.join("; ", parsed.problems()));
                    }
                    Files.write(tmp, read(tmp, format));
                    yield dotenvFile(jobId);
                }
                default -> jobDir(jobId).resolve(type.replaceAll("[^A-Za-z0-9_]", "_") + "." + format);
            };
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<Path> archive(long jobId) {
        return Optional.of(archiveFile(jobId)).filter(Files::isRegularFile);
    }

    @Override
    public Map<String, String> dotenv(long jobId) {
        Path file = dotenvFile(jobId);
        try {
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
            Map<String, String> variables = new java.util.LinkedHashMap<>();
            Dotenv.parse(Files.readAllBytes(file)).variables().forEach(v -> variables.put(v.key(), v.value()));
            return variables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copyLimited(InputStream in, Path target) throws IOException, Rejected {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new Rejected(413, "413 Request Entity Too Large - artifacts are larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** Zip-slip: an entry that would land outside the directory it is extracted into refuses the archive. */
    private static void checkZip(Path zip) throws IOException, Rejected {
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName().replace('\\', '/');
                if (name.startsWith("/") || DRIVE.matcher(name).matches()
                        || java.util.Arrays.asList(name.split("/")).contains("..")) {
                    throw new Rejected(400, "400 Bad Request - archive entry '" + e.getName() + "' leaves the extraction directory");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new Rejected(400, "400 Bad Request - not a zip archive: " + e.getMessage());
        }
    }

    /** The runner sends gzip reports as concatenated members (one per file); GZIPInputStream reads them all. */
    private static byte[] read(Path file, String format) throws IOException, Rejected {
        if (!"gzip".equals(format)) {
            return Files.readAllBytes(file);
        }
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (java.util.zip.ZipException e) {
            throw new Rejected(400, "400 Bad Request - not a gzip file: " + e.getMessage());
        }
    }

    private Path jobDir(long jobId) {
        return dir.resolve(Long.toString(jobId));
    }

    private Path archiveFile(long jobId) {
        return jobDir(jobId).resolve("archive.zip");
    }

    private Path dotenvFile(long jobId) {
        return jobDir(jobId).resolve("dotenv.env");
    }
}
