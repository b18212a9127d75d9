package dev.sluice.executor;

import dev.sluice.model.ArtifactDownload;
import dev.sluice.model.ArtifactsSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import dev.sluice.model.UploadWhen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Artifacts collected from a working copy a real script wrote, restored into a later job. */
class ArtifactsIT {

    @TempDir
    Path root;

    private ShellJobs shell;

    @BeforeEach
    void setUp() {
        shell = new ShellJobs(root);
    }

    private List<String> archive(long jobId, String name) throws IOException {
        try (var zip = new ZipFile(root.resolve("artifacts/" + jobId + "/" + name).toFile())) {
            return zip.stream().map(e -> e.getName()).sorted().toList();
        }
    }

    private static final String MAKE_FILES = "mkdir -p build/obj && echo bin > build/app && chmod +x build/app"
            + " && echo o > build/obj/a.o && echo log > build/debug.log";

    @Test
    void expandsPathsWithTheJobsVariablesAndAcceptsAbsolutePathsInsideTheProject() throws IOException {
        var outcome = shell.run(JobSpec.builder(12, "build").variable("OUT", "build").script(MAKE_FILES)
                .artifacts(ArtifactsSpec.ofPaths("$CI_PROJECT_DIR/$OUT/app")).build());

        assertThat(outcome.result()).isEqualTo(dev.sluice.executor.JobOutcome.Result.SUCCESS);
        assertThat(archive(12, "artifacts.zip")).containsExactly("build/app");
    }

    @Test
    void collectsPathsMinusExcludes() throws IOException {
        var outcome = shell.run(JobSpec.builder(10, "build").script(MAKE_FILES)
                .artifacts(ArtifactsSpec.ofPaths("build/").withExclude("build/**/*.o", "**/*.log")).build());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(archive(10, "artifacts.zip")).containsExactly("build/", "build/app", "build/obj/");
        assertThat(shell.plain()).contains("2 excluded artifact files");
    }

    @Test
    void untrackedAddsGitUntrackedFilesIncludingIgnoredOnes() throws IOException {
        var outcome = shell.run(JobSpec.builder(11, "build").script(
                "git init -q . && git config user.email t@t && git config user.name t",
                "echo ignored.txt > .gitignore && echo tracked > tracked.txt && git add . && git commit -qm init",
                "echo new > new.txt && echo ignored > ignored.txt")
                .artifacts(ArtifactsSpec.ofPaths().withUntracked(true)).build());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(archive(11, "artifacts.zip")).containsExactly("ignored.txt", "new.txt");
    }

    @Test
    void whenDecidesForTheArchiveButReportsAlwaysGoUp() throws IOException {
        shell.run(JobSpec.builder(12, "fails").script("echo '<testsuite/>' > junit.xml && echo x > out.txt", "exit 1")
                .artifacts(ArtifactsSpec.ofPaths("out.txt").withReport("junit", "junit.xml")).build());
        assertThat(root.resolve("artifacts/12/artifacts.zip")).doesNotExist();
        assertThat(archive(12, "junit.zip")).containsExactly("junit.xml");

        shell.run(JobSpec.builder(13, "fails").script("echo x > out.txt", "exit 1")
                .artifacts(ArtifactsSpec.ofPaths("out.txt").withWhen(UploadWhen.ON_FAILURE)).build());
        assertThat(archive(13, "artifacts.zip")).containsExactly("out.txt");

        shell.run(JobSpec.builder(14, "passes").script("echo x > out.txt")
                .artifacts(ArtifactsSpec.ofPaths("out.txt").withWhen(UploadWhen.ON_FAILURE)).build());
        assertThat(root.resolve("artifacts/14/artifacts.zip")).doesNotExist();
    }

    @Test
    void dotenvVariablesComeBackForLaterJobs() {
        var outcome = shell.run(JobSpec.builder(15, "version").script("echo VERSION=1.4.2 > build.env", "echo CHANNEL=beta >> build.env")
                .artifacts(ArtifactsSpec.ofPaths().withReport("dotenv", "build.env")).build());
        assertThat(outcome.dotenv()).containsExactly(JobVariable.of("VERSION", "1.4.2"), JobVariable.of("CHANNEL", "beta"));
    }

    @Test
    void laterJobsGetTheArchiveBeforeTheirScriptWithModesKept() {
        shell.run(JobSpec.builder(16, "build").projectDir("p1").script(MAKE_FILES).artifacts(ArtifactsSpec.ofPaths("build/app")).build());
        var outcome = shell.run(JobSpec.builder(17, "test").projectDir("p2").dependency(new ArtifactDownload(16, "build", true))
                .script("test -x build/app", "cat build/app").build());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(shell.plain()).contains("Downloading artifacts for build (16)...").contains("$ cat build/app\nbin\n");
    }

    @Test
    void warnsWhenNothingMatches() {
        var outcome = shell.run(JobSpec.builder(18, "empty").script("true").artifacts(ArtifactsSpec.ofPaths("dist/")).build());
        assertThat(outcome.succeeded()).isTrue();
        assertThat(shell.plain()).contains("dist/: no matching files");
        assertThat(Files.exists(root.resolve("artifacts/18/artifacts.zip"))).isFalse();
    }
}
