package dev.sluice.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository in a temporary directory, for end-to-end runs. */
final class TestRepo {

    final Path dir;

    private TestRepo(Path dir) {
        this.dir = dir;
    }

    /** {@code git init} on branch {@code main} with an {@code origin} remote that is never contacted. */
    static TestRepo init(Path dir) {
        var repo = new TestRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.git("remote", "add", "origin", "git@gitlab.example.com:gcl/test-project.git");
        return repo;
    }

    TestRepo write(String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    TestRepo commit(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return this;
    }

    String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Ada Lovelace", "-c", "user.email=ada@example.com",
                "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CliRun run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.in(dir, all);
    }
}
