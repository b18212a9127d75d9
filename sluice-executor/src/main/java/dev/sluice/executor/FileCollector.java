package dev.sluice.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Picks the files of an artifact archive or a cache from a working copy: {@code paths} globs (a matching
 * directory brings its whole tree), git-untracked files, minus {@code exclude} globs (each checked against
 * every file: excluding a directory does not exclude its contents).
 */
final class FileCollector {

    /** @param entries sorted relative paths; directories end with {@code /} */
    record Collected(List<String> entries, List<String> warnings, int excluded) {
        boolean isEmpty() {
            return entries.isEmpty();
        }
    }

    private FileCollector() {
    }

    static Collected collect(Path root, List<String> paths, List<String> exclude, boolean untracked) throws IOException {
        List<String> all = listTree(root);
        var selected = new TreeSet<String>();
        var warnings = new ArrayList<String>();
        String rootPrefix = root.toAbsolutePath().normalize() + "/";
        for (String raw : paths) {
            String pattern = normalise(raw);
            if (pattern.startsWith(rootPrefix)) { // gitlab-runner: an absolute path inside the project is fine
                pattern = pattern.substring(rootPrefix.length());
            }
            if (pattern.startsWith("/") || pattern.equals("..") || pattern.startsWith("../")) {
                warnings.add(raw + ": artifact path is not a subpath of project directory: " + root);
                continue;
            }
            var glob = Glob.compile(pattern);
            for (String entry : all) {
                String bare = strip(entry);
                if (glob.matches(bare)) {
                    selected.add(entry);
                    if (entry.endsWith("/")) {
                        all.stream().filter(e -> e.startsWith(entry)).forEach(selected::add);
                    }
                }
            }
            if (!anyMatch(all, glob)) {
                warnings.add(raw + ": no matching files. Ensure that the artifact path is relative to the working directory ("
                        + root + ")");
            }
        }
        if (untracked) {
            selected.addAll(gitUntracked(root, warnings));
        }
        var excludes = exclude.stream().map(e -> Glob.compile(normalise(e))).toList();
        int before = selected.size();
        selected.removeIf(entry -> excludes.stream().anyMatch(g -> g.matches(strip(entry))));
        return new Collected(List.copyOf(selected), warnings, before - selected.size());
    }

    private static boolean anyMatch(List<String> all, Glob glob) {
        return all.stream().anyMatch(e -> glob.matches(strip(e)));
    }

    static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String strip(String entry) {
        return entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
    }

    /** Every file and directory under {@code root}, relative, without following symbolic links into directories. */
    static List<String> listTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return new ArrayList<>();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')
                            + (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
    }

    /** {@code git ls-files --others}: untracked files including ignored ones, as GitLab documents. */
    private static List<String> gitUntracked(Path root, List<String> warnings) throws IOException {
        var git = new ProcessBuilder("git", "ls-files", "--others", "-z").directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = git.getInputStream().readAllBytes();
        try {
            if (git.waitFor() != 0) {
                warnings.add("untracked: the working copy is not a git repository; no untracked files added");
                return List.of();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing untracked files", e);
        }
        return Stream.of(new String(out, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty()).toList();
    }
}
