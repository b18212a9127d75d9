package dev.sluice.runner;

import dev.sluice.executor.TraceSink;
import dev.sluice.executor.WorkingCopy;
import dev.sluice.protocol.GitInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code get_sources} with the host's {@code git}, as gitlab-runner's shell does it: {@code GIT_STRATEGY}
 * {@code fetch} reuses an earlier working copy (when the server allows it), {@code clone} starts afresh,
 * {@code none} only makes the directory; then fetch the refspecs, check out the sha detached, clean.
 */
final class GitWorkingCopy implements WorkingCopy {

    /** gitlab-runner's refspecs when the server sends none. */
    static final List<String> DEFAULT_REFSPECS = List.of("+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*");

    private final GitInfo git;
    private final String strategy;
    private final int depth;

    /** @param strategy {@code GIT_STRATEGY} as the job resolved it; @param depth {@code GIT_DEPTH} or the server's depth */
    GitWorkingCopy(GitInfo git, String strategy, int depth) {
        this.git = git;
        this.strategy = strategy;
        this.depth = depth;
    }

    @Override
    public void populate(Path dir, TraceSink log) throws IOException {
        if (strategy.equals("none") || strategy.equals("empty") || git == null || git.repoUrl() == null || git.repoUrl().isEmpty()) {
            if (strategy.equals("empty")) {
                deleteTree(dir);
            }
            Files.createDirectories(dir);
            log.write("Skipping Git repository setup\n");
            return;
        }
        boolean reuse = strategy.equals("fetch") && Files.isDirectory(dir.resolve(".git"));
        if (reuse) {
            log.write("Fetching changes...\n");
            git(dir, log, "remote", "set-url", "origin", git.repoUrl());
        } else {
            deleteTree(dir);
            Files.createDirectories(dir);
            log.write("Fetching changes" + (depth > 0 ? " with git depth set to " + depth : "") + "...\n");
            git(dir, log, "init", "-q");
            git(dir, log, "remote", "add", "origin", git.repoUrl());
        }
        var fetch = new ArrayList<>(List.of("fetch", "-q", "--prune", "--no-recurse-submodules", "origin"));
        if (depth > 0) {
            fetch.add(2, "--depth=" + depth);
        }
        fetch.addAll(git.refspecs() == null || git.refspecs().isEmpty() ? DEFAULT_REFSPECS : git.refspecs());
        git(dir, log, fetch.toArray(String[]::new));
        log.write("Checking out " + shortSha() + " as detached HEAD (ref is " + git.ref() + ")...\n");
        git(dir, log, "checkout", "-f", "-q", git.sha());
        git(dir, log, "clean", "-ffdx", "-q");
    }

    private String shortSha() {
        return git.sha() == null ? "" : git.sha().substring(0, Math.min(8, git.sha().length()));
    }

    private static void git(Path dir, TraceSink log, String... args) throws IOException {
        var command = new ArrayList<>(List.of("git", "-c", "advice.detachedHead=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process p = pb.start();
        try (InputStream in = p.getInputStream()) {
            byte[] out = in.readAllBytes();
            if (p.waitFor() != 0) {
                log.write(out, 0, out.length);
                throw new IOException("git " + args[0] + " failed with exit code " + p.exitValue());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: git " + args[0]);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
