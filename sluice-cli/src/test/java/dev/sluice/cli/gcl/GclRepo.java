package dev.sluice.cli.gcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A case of the corpus as the reference saw it: a git repository on branch {@code master} with
 * user Testersen, remote {@code git@gitlab.com:gcl/test-project.git} (or the run's
 * {@code SHIM_GIT_REMOTE}) and default branch {@code main}. When the run gives {@code SHIM_GIT_DIFF},
 * the last commit changes exactly those files, so Sluice's before sha (HEAD's parent) yields that diff.
 */
final class GclRepo {

    static final String REMOTE = "git@gitlab.com:gcl/test-project.git";

    private GclRepo() {
    }

    static void create(Path caseDir, Path repo, Map<String, String> env) throws IOException {
        copy(caseDir, repo);
        List<String> changed = env.containsKey("SHIM_GIT_DIFF")
                ? List.of(env.get("SHIM_GIT_DIFF").split("[\\s,;]+")) : List.of();
        git(repo, "init", "-q", "-b", "master");
        git(repo, "remote", "add", "origin", env.getOrDefault("SHIM_GIT_REMOTE", REMOTE));
        git(repo, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
        git(repo, "add", "-A");
        for (String path : changed) {
            git(repo, "rm", "-q", "--cached", "--ignore-unmatch", path);
        }
        git(repo, "commit", "-q", "--allow-empty", "-m", "Initial");
        git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
        if (!changed.isEmpty()) {
            for (String path : changed) {
                Path file = repo.resolve(path);
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, "changed\n");
                }
                git(repo, "add", "-f", path);
            }
            git(repo, "commit", "-q", "-m", "Change " + String.join(", ", changed));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().setWritable(true, true); // the corpus is read-only; jobs may edit their files
                }
            }
        }
        try (Stream<Path> paths = Files.walk(to)) {
            paths.filter(Files::isDirectory).forEach(d -> d.toFile().setWritable(true, true));
        }
    }

    private static void git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Testersen", "-c", "user.email=test@test.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=master"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
