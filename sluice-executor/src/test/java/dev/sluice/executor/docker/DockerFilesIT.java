package dev.sluice.executor.docker;

import dev.sluice.model.ArtifactDownload;
import dev.sluice.model.ArtifactsSpec;
import dev.sluice.model.CacheSpec;
import dev.sluice.model.JobSpec;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** Artifacts and caches made inside one job's containers reach the next job's containers. */
class DockerFilesIT extends DockerEngineTest {

    @Test
    void artifactsAndCacheFromOneJobAreThereInTheNext() {
        var build = docker.run(JobSpec.builder(40, "build").projectDir("group/build")
                .script("mkdir -p dist deps", "echo app-v1 > dist/app.txt", "echo lib-v1 > deps/lib.txt")
                .artifacts(ArtifactsSpec.ofPaths("dist/")).cache(CacheSpec.of("deps-key", "deps/")).build());
        assertThat(build.succeeded()).as(docker.plain()).isTrue();

        var test = docker.run(JobSpec.builder(41, "test").projectDir("group/test")
                .dependency(new ArtifactDownload(40, "build", true)).cache(CacheSpec.of("deps-key", "deps/"))
                .script("cat dist/app.txt deps/lib.txt").build());

        assertThat(test.succeeded()).as(docker.plain()).isTrue();
        assertThat(docker.plain()).contains("Uploading artifacts for successful job").contains("Successfully extracted cache")
                .contains("$ cat dist/app.txt deps/lib.txt\napp-v1\nlib-v1\n");
    }
}
