package dev.sluice.server;

import dev.sluice.config.RepositoryFiles;
import dev.sluice.engine.plan.CommitInfo;
import dev.sluice.engine.plan.RepositoryFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The git CLI over the project repositories kept in the data directory (bare clones). */
final class GitRepos {

    /** A git command failed; the message is git's own. */
    static final class GitException extends Exception {
        GitException(String message) {
            super(message);
        }
    }

    private GitRepos() {
    }

    static void cloneBare(String source, Path target) throws GitException {
        run(null, "clone", "--bare", "--quiet", source, target.toString());
    }

    static String resolve(Path repo, String ref) throws GitException {
        return run(repo, "rev-parse", "--verify", "--quiet", ref + "^{commit}").strip();
    }

    static String defaultBranch(Path repo) {
        try {
            return run(repo, "symbolic-ref", "--short", "HEAD").strip();
        } catch (GitException e) {
            return "main";
        }
    }

    /** The author, message and date of a commit, for {@code CI_COMMIT_*}. */
    static CommitInfo commit(Path repo, String sha) throws GitException {
        // NUL-separated: names and messages may hold any other character
        String[] parts = run(repo, "show", "-s", "--format=%an%x00%ae%x00%aI%x00%B", sha).split("\0", 4);
        return new CommitInfo(sha, parts[3].stripTrailing(), parts[0], parts[1], OffsetDateTime.parse(parts[2]));
    }

    /** Paths changed from {@code from} to {@code to} (both commits), as {@code git diff --name-only} lists them. */
    static List<String> changedPaths(Path repo, String from, String to) throws GitException {
        return Arrays.stream(run(repo, "diff", "--name-only", "--no-renames", from, to).split("\n"))
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Moves {@code branch} to where it is in the repository at {@code url}, also when that is not a fast-forward. */
    static void fetchBranch(Path repo, String url, String branch) throws GitException {
        run(repo, "fetch", "--quiet", "--force", url, "+refs/heads/" + branch + ":refs/heads/" + branch);
    }

    /** Brings every branch and tag of {@code url} into the bare repository, moving refs that were force-pushed. */
    static void fetchMirror(Path repo, String url) throws GitException {
        run(repo, "fetch", "--quiet", "--force", "--prune", url, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*");
    }

    /** The files of one commit, and diffs from other refs to it for {@code rules:changes:compare_to}. */
    static RepositoryFacts facts(Path repo, String sha) {
        RepositoryFiles files = files(repo, sha);
        return new RepositoryFacts() {
            @Override
            public RepositoryFiles files() {
                return files;
            }

            @Override
            public Optional<List<String>> changedSince(String ref) {
                try {
                    return Optional.of(changedPaths(repo, resolve(repo, ref), sha));
                } catch (GitException e) {
                    return Optional.empty();
                }
            }
        };
    }

    /** The repository's branch names, most recently committed first. */
    static List<String> branches(Path repo) {
        try {
            return Arrays.stream(run(repo, "for-each-ref", "--sort=-committerdate", "--format=%(refname:short)", "refs/heads")
                    .split("\n")).filter(s -> !s.isEmpty()).toList();
        } catch (GitException e) {
            return List.of();
        }
    }

    /** The files of one commit, read on demand with {@code git show}. */
    static RepositoryFiles files(Path repo, String sha) {
        return new RepositoryFiles() {
            @Override
            public Optional<String> read(String path) {
                try {
                    return Optional.of(run(repo, "show", sha + ":" + path));
                } catch (GitException e) {
                    return Optional.empty();
                }
            }

            @Override
            public List<String> list() {
                try {
                    return Arrays.stream(run(repo, "ls-tree", "-r", "--name-only", sha).split("\n"))
                            .filter(s -> !s.isEmpty()).sorted().toList();
                } catch (GitException e) {
                    return List.of();
                }
            }
        };
    }

    /** A commit as a merge request's commit list shows it. */
    record LogEntry(String sha, String subject, String author, OffsetDateTime at) {
    }

    /** The commits reachable from {@code to} but not {@code from}, newest first, at most {@code max}. */
    static List<LogEntry> log(Path repo, String from, String to, int max) throws GitException {
        // one commit a line (a subject has no line break), its fields NUL-separated
        return run(repo, "log", "--max-count=" + max, "--format=%H%x00%s%x00%an%x00%aI", from + ".." + to).lines()
                .map(line -> line.split("\0", 4))
                .map(f -> new LogEntry(f[0], f[1], f[2], OffsetDateTime.parse(f[3]))).toList();
    }

    /** The unified diff from {@code from} to {@code to} (renames found), as {@code git diff} prints it. */
    static String diff(Path repo, String from, String to) throws GitException {
        return run(repo, "diff", "--no-color", "--no-ext-diff", "-M", from, to);
    }

    /** The merge base of two commits (the diff base of a merge request). */
    static String mergeBase(Path repo, String a, String b) throws GitException {
        return run(repo, "merge-base", a, b).strip();
    }

    /** Whether {@code ancestor} is {@code sha} or one of its ancestors: a fast-forward from it to {@code sha} is possible. */
    static boolean isAncestor(Path repo, String ancestor, String sha) throws GitException {
        Result r = exec(repo, "merge-base", "--is-ancestor", ancestor, sha);
        if (r.exit() > 1) {
            throw r.failure();
        }
        return r.exit() == 0;
    }

    /** The tree merging {@code theirs} into {@code ours} would give; empty when they conflict. Touches no ref. */
    static Optional<String> mergeTree(Path repo, String ours, String theirs) throws GitException {
        Result r = exec(repo, "merge-tree", "--write-tree", "--no-messages", ours, theirs);
        return switch (r.exit()) {
            case 0 -> Optional.of(r.out().lines().findFirst().orElseThrow().strip());
            case 1 -> Optional.empty();
            default -> throw r.failure();
        };
    }

    /** A commit of {@code tree} with these parents, authored and committed by {@code name <email>}. */
    static String commitTree(Path repo, String tree, List<String> parents, String message, String name, String email)
            throws GitException {
        var args = new ArrayList<>(List.of("-c", "user.name=" + name, "-c", "user.email=" + email, "commit-tree", tree));
        parents.forEach(p -> args.addAll(List.of("-p", p)));
        args.addAll(List.of("-m", message));
        return run(repo, args.toArray(String[]::new)).strip();
    }

    /** Points {@code ref} at {@code sha}, whatever it pointed at. */
    static void setRef(Path repo, String ref, String sha) throws GitException {
        run(repo, "update-ref", ref, sha);
    }

    /** Moves {@code ref} to {@code newSha} only if it still points at {@code oldSha}, atomically. */
    static void updateRef(Path repo, String ref, String newSha, String oldSha) throws GitException {
        run(repo, "update-ref", ref, newSha, oldSha);
    }

    private record Result(int exit, String out, String err, String[] args) {
        GitException failure() {
            return new GitException("git " + String.join(" ", args) + ": " + err.strip());
        }
    }

    private static String run(Path repo, String... args) throws GitException {
        Result r = exec(repo, args);
        if (r.exit() != 0) {
            throw r.failure();
        }
        return r.out();
    }

    private static Result exec(Path repo, String... args) throws GitException {
        var command = new ArrayList<String>(List.of("git"));
        if (repo != null) {
            command.addAll(List.of("-C", repo.toString()));
        }
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            var stderr = new java.util.concurrent.CompletableFuture<String>();
            Thread.ofVirtual().start(() -> {
                try {
                    stderr.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    stderr.complete("");
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String error = stderr.join();
            return new Result(p.waitFor(), out, error, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted");
        }
    }
}
