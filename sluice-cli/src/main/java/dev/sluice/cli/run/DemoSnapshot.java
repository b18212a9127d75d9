package dev.sluice.cli.run;

import dev.sluice.executor.TraceSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code sluice server --demo DIR}: the directory's files as one commit on {@code main} of a fresh repository, so a
 * directory that is not a repository of its own (an example inside Sluice's clone) can be imported as a project.
 * Inside a work tree the files git lists are taken (tracked and untracked, not ignored), else every file.
 */
public final class DemoSnapshot {

    private DemoSnapshot() {
    }

    /** @return {@code target}, a repository whose {@code main} holds the files; its former content is replaced */
    public static Path of(Path dir, Path target) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        List<String> files = GitRepository.open(dir).map(repo -> repo.files(true)).orElseGet(() -> walk(dir));
        new SourceCopy(dir, files).populate(target, TraceSink.discard());
        git(target, "init", "-q", "-b", "main");
        git(target, "add", "-A");
        git(target, "-c", "user.name=Sluice demo", "-c", "user.email=demo@sluice.invalid", "commit", "-q", "--allow-empty",
                "-m", "Demo: " + dir.toAbsolutePath().normalize().getFileName());
        return target;
    }

    private static List<String> walk(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.startsWith(".git/")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void git(Path dir, String... args) throws IOException {
        var command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("git " + String.join(" ", args) + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
