package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeFilesTest {

    @TempDir
    Path tmp;

    @Test
    void listsRegularFilesRelativeSortedWithoutGit() throws IOException {
        Path repo = tmp.resolve("repo");
        write(repo.resolve("b.yml"), "b");
        write(repo.resolve("a/z.yml"), "z");
        write(repo.resolve("a/b/c.txt"), "c");
        write(repo.resolve(".git/HEAD"), "ref");
        write(repo.resolve("sub/.git"), "gitdir: elsewhere");
        write(repo.resolve(".gitlab-ci.yml"), "x");

        assertThat(new WorkingTreeFiles(repo).list())
                .containsExactly(".gitlab-ci.yml", "a/b/c.txt", "a/z.yml", "b.yml");
    }

    @Test
    void readsFilesByRepositoryPathWithOrWithoutLeadingSlash() throws IOException {
        Path repo = tmp.resolve("repo");
        write(repo.resolve("ci/build.yml"), "build: {}");
        var files = new WorkingTreeFiles(repo);

        assertThat(files.read("ci/build.yml")).contains("build: {}");
        assertThat(files.read("/ci/build.yml")).contains("build: {}");
        assertThat(files.read("ci/./../ci/build.yml")).contains("build: {}");
        assertThat(files.read("ci/missing.yml")).isEmpty();
        assertThat(files.read("ci")).isEmpty();
    }

    @Test
    void refusesPathsThatLeaveTheRoot() throws IOException {
        Path repo = tmp.resolve("repo");
        write(tmp.resolve("secret.txt"), "secret");
        write(repo.resolve(".git/config"), "[core]");
        Files.createDirectories(repo);
        Files.createSymbolicLink(repo.resolve("link.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(repo.resolve("linkdir"), tmp);
        var files = new WorkingTreeFiles(repo);

        assertThat(files.read("../secret.txt")).isEmpty();
        assertThat(files.read("a/../../secret.txt")).isEmpty();
        assertThat(files.read("link.txt")).isEmpty();
        assertThat(files.read("linkdir/secret.txt")).isEmpty();
        assertThat(files.read(".git/config")).isEmpty();
        assertThat(files.list()).doesNotContain("link.txt");
    }

    @Test
    void followsLinksThatStayInside() throws IOException {
        Path repo = tmp.resolve("repo");
        write(repo.resolve("real.yml"), "real");
        Files.createSymbolicLink(repo.resolve("alias.yml"), repo.resolve("real.yml"));

        assertThat(new WorkingTreeFiles(repo).read("alias.yml")).contains("real");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
