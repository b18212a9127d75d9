package dev.sluice.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The git facts {@code sluice run} needs, asked of the {@code git} command in {@code dir}: commits,
 * refs, the {@code origin} remote and the file listing. {@code dir} may be a subdirectory of the work
 * tree: file listings and diffs are then relative to it, as if it were a repository of its own.
 */
public final class GitRepository {

    /** A commit as {@code git log} shows it. */
    public record Commit(String sha, String message, String authorName, String authorEmail, OffsetDateTime timestamp) {
    }

    private final Path dir;
    private final Path topLevel;

    private GitRepository(Path dir, Path topLevel) {
        this.dir = dir;
        this.topLevel = topLevel;
    }

    /** The repository {@code dir} belongs to, or empty when it is in none (or git is missing). */
    public static Optional<GitRepository> open(Path dir) {
        try {
            return run(dir, "rev-parse", "--show-toplevel").map(top -> new GitRepository(dir, Path.of(top.strip())));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code dir} is the work tree's top level rather than a directory inside it. */
    public boolean isTopLevel() {
        try {
            return dir.toRealPath().equals(topLevel.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    public Path topLevel() {
        return topLevel;
    }

    public Optional<Commit> head() {
        return git("log", "-1", "--format=%H%x00%an%x00%ae%x00%aI%x00%B", "HEAD").map(out -> {
            String[] parts = out.split("\0", 5);
            String message = parts[4].endsWith("\n") ? parts[4].substring(0, parts[4].length() - 1) : parts[4];
            return new Commit(parts[0], message, parts[1], parts[2], OffsetDateTime.parse(parts[3]));
        });
    }

    /** The branch HEAD is on; empty when detached or unborn. */
    public Optional<String> currentBranch() {
        return git("symbolic-ref", "--short", "-q", "HEAD").map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A tag pointing at HEAD, if any (for a detached HEAD checked out at a tag). */
    public Optional<String> tagAtHead() {
        return git("tag", "--points-at", "HEAD").flatMap(out -> out.lines().findFirst());
    }

    public boolean hasTag(String name) {
        return git("rev-parse", "-q", "--verify", "refs/tags/" + name).isPresent();
    }

    public boolean hasBranch(String name) {
        return git("rev-parse", "-q", "--verify", "refs/heads/" + name).isPresent();
    }

    public Optional<String> resolve(String rev) {
        return git("rev-parse", "-q", "--verify", rev + "^{commit}").map(String::strip);
    }

    /** {@code origin/HEAD} when the clone knows it, else {@code main} or {@code master} when they exist. */
    public Optional<String> defaultBranch() {
        Optional<String> remote = git("symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD").map(String::strip)
                .filter(s -> s.startsWith("origin/")).map(s -> s.substring("origin/".length()));
        if (remote.isPresent()) {
            return remote;
        }
        return java.util.stream.Stream.of("main", "master").filter(this::hasBranch).findFirst();
    }

    public Optional<String> originUrl() {
        return git("remote", "get-url", "origin").map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The tip of the branch's upstream ({@code @{upstream}}), if it has one. */
    public Optional<String> upstream() {
        return resolve("@{upstream}");
    }

    public Optional<String> mergeBase(String a, String b) {
        return git("merge-base", a, b).map(String::strip);
    }

    /**
     * Paths (relative to the directory) that differ between {@code sha} and the work tree, untracked
     * files included: what a push of the work tree would change.
     */
    public List<String> changedSince(String sha) {
        List<String> changed = new ArrayList<>(git("diff", "--name-only", "--relative", "-z", sha)
                .map(GitRepository::nulSeparated).orElse(List.of()));
        changed.addAll(git("ls-files", "-z", "--others", "--exclude-standard").map(GitRepository::nulSeparated).orElse(List.of()));
        return changed.stream().distinct().sorted().toList();
    }

    /** Tracked files (as in the work tree), plus untracked ones that are not ignored if asked. */
    public List<String> files(boolean untracked) {
        String[] args = untracked
                ? new String[] {"ls-files", "-z", "--cached", "--others", "--exclude-standard"}
                : new String[] {"ls-files", "-z", "--cached"};
        return git(args).map(GitRepository::nulSeparated).orElse(List.of()).stream().distinct().sorted().toList();
    }

    private static List<String> nulSeparated(String out) {
        return Arrays.stream(out.split("\0")).filter(s -> !s.isEmpty()).toList();
    }

    private Optional<String> git(String... args) {
        return run(dir, args);
    }

    /** Runs git; its output when it exits 0, empty otherwise. Fails only when git cannot be started. */
    private static Optional<String> run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            int exit = process.waitFor();
            return exit == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
