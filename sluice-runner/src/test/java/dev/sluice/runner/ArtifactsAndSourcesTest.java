package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Artifact;
import dev.sluice.protocol.Dependency;
import dev.sluice.protocol.GitInfo;
import dev.sluice.protocol.Headers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/** Artifact upload and dependency download through the coordinator (§5), and sources from git. */
class ArtifactsAndSourcesTest extends AgentAgainstFakeCoordinator {

    void awaitFinal(long id) {
        Await.until("job " + id + " to finish", () -> server.finalUpdate(id).isPresent());
    }

    @Test
    void artifactsGoUpAsMultipartAndDependenciesComeDownWithTheirToken() throws Exception {
        var build = TestJobs.with(TestJobs.shell(107, List.of("mkdir -p build", "echo built > build/out.txt",
                        "echo '<testsuite/>' > report.xml"), List.of()),
                List.of(new Artifact("artifacts", false, List.of("build/"), null, "on_success", "archive", "zip", "1 day"),
                        new Artifact("junit.xml.gz", null, List.of("report.xml"), null, "always", "junit", "gzip", "1 day")),
                List.of(), null);
        server.enqueue(build);
        agent = TestJobs.agent(server.url(), work, 1, e -> e, Duration.ofSeconds(5));
        awaitFinal(107);
        assertThat(server.finalUpdate(107).orElseThrow().state()).isEqualTo("success");

        var uploads = server.calls("POST", "/api/v4/jobs/107/artifacts");
        assertThat(uploads).extracting(FakeCoordinator.Call::query).containsExactly(
                "artifact_format=zip&artifact_type=archive&expire_in=1%20day",
                "artifact_format=gzip&artifact_type=junit&expire_in=1%20day");
        assertThat(uploads).allSatisfy(c -> {
            assertThat(c.header(Headers.JOB_TOKEN)).isEqualTo("glcbt-job107");
            assertThat(c.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        });
        assertThat(Multiparts.disposition(uploads.get(0))).contains("name=\"file\"", "filename=\"artifacts.zip\"");
        assertThat(Multiparts.disposition(uploads.get(1))).contains("filename=\"junit.xml.gz\"");
        assertThat(zipEntries(server.artifacts.get(107L))).contains("build/out.txt");
        try (var gz = new GZIPInputStream(new ByteArrayInputStream(Multiparts.file(uploads.get(1))))) {
            assertThat(new String(gz.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<testsuite/>\n");
        }

        server.enqueue(TestJobs.with(TestJobs.shell(108, List.of("cat build/out.txt"), List.of()), List.of(),
                List.of(new Dependency(107L, "build", "glcbt-dependency", new Dependency.ArtifactsFile("artifacts.zip", 1L)),
                        new Dependency(99L, "lint", "glcbt-dependency", null)), null));
        awaitFinal(108);
        assertThat(server.finalUpdate(108).orElseThrow().state()).isEqualTo("success");
        assertThat(server.trace(108)).contains("built\n");
        var downloads = server.calls("GET", "/api/v4/jobs/");
        assertThat(downloads).extracting(FakeCoordinator.Call::path).as("no download without artifacts_file")
                .containsExactly("/api/v4/jobs/107/artifacts");
        assertThat(downloads.get(0).header(Headers.JOB_TOKEN)).isEqualTo("glcbt-dependency");
    }

    @Test
    void aMissingDependencyArchiveFailsTheJob() throws Exception {
        server.enqueue(TestJobs.with(TestJobs.shell(109, List.of("echo never"), List.of()), List.of(),
                List.of(new Dependency(55L, "gone", "t", new Dependency.ArtifactsFile("artifacts.zip", 1L))), null));
        agent = TestJobs.agent(server.url(), work, 1, e -> e, Duration.ofSeconds(5));
        awaitFinal(109);
        var done = server.finalUpdate(109).orElseThrow();
        assertThat(done.state()).isEqualTo("failed");
        assertThat(done.failureReason()).isEqualTo("runner_system_failure");
        assertThat(server.trace(109)).doesNotContain("never\n");
    }

    @Test
    void sourcesAreFetchedFromGitAndCheckedOutAtTheSha() throws Exception {
        Path repo = work.resolve("repo");
        Files.createDirectories(repo);
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("README"), "hello from git\n");
        git(repo, "add", "README");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first");
        String sha = git(repo, "rev-parse", "HEAD").strip();
        var git = new GitInfo("file://" + repo, "sha1", "main", sha, "0".repeat(40), "branch",
                List.of("+refs/heads/main:refs/remotes/origin/main"), 1, false, Map.of());
        server.enqueue(TestJobs.with(TestJobs.shell(110, List.of("cat README", "git rev-parse HEAD"), List.of()), List.of(), List.of(), git));
        agent = TestJobs.agent(server.url(), work.resolve("runner"), 1, e -> e, Duration.ofSeconds(5));
        awaitFinal(110);

        assertThat(server.finalUpdate(110).orElseThrow().state()).isEqualTo("success");
        assertThat(server.trace(110)).contains("Checking out " + sha.substring(0, 8), "hello from git\n", sha + "\n");
        assertThat(work.resolve("runner/builds/testtoke/0/group/app/README")).as("gitlab-runner's build directory layout").exists();
    }

    static List<String> zipEntries(byte[] zip) throws Exception {
        var names = new ArrayList<String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    static String git(Path dir, String... args) throws Exception {
        var command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out;
    }
}
