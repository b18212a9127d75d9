package dev.sluice.executor;

import dev.sluice.model.CacheSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.UploadWhen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Caches saved by one job and restored in another job's fresh working copy. */
class CacheIT {

    @TempDir
    Path root;

    private ShellJobs shell;

    @BeforeEach
    void setUp() {
        shell = new ShellJobs(root);
    }

    private JobOutcome fill(String key, CacheSpec.Policy policy) {
        return shell.run(JobSpec.builder(1, "fill").projectDir("fill-" + key + policy).script("mkdir -p deps && echo " + key + " > deps/lib")
                .cache(CacheSpec.of(key, "deps/").withPolicy(policy)).build());
    }

    private JobOutcome read(CacheSpec cache) {
        return shell.run(JobSpec.builder(2, "read").projectDir("read" + System.nanoTime()).script("cat deps/lib || echo no-cache")
                .cache(cache).build());
    }

    @Test
    void pullPushSavesAndALaterJobRestores() {
        fill("gems", CacheSpec.Policy.PULL_PUSH);
        read(CacheSpec.of("gems", "deps/"));
        assertThat(shell.plain()).contains("Checking cache for gems...\nSuccessfully extracted cache")
                .contains("$ cat deps/lib || echo no-cache\ngems\n");
    }

    @Test
    void pullPolicyNeverSaves() {
        fill("pulled", CacheSpec.Policy.PULL);
        assertThat(shell.plain()).contains("Not uploading cache pulled due to policy");
        read(CacheSpec.of("pulled", "deps/"));
        assertThat(shell.plain()).contains("no-cache\n");
    }

    @Test
    void pushPolicyNeverRestores() {
        fill("pushed", CacheSpec.Policy.PUSH);
        read(CacheSpec.of("pushed", "deps/").withPolicy(CacheSpec.Policy.PUSH));
        assertThat(shell.plain()).contains("Not downloading cache pushed due to policy").contains("no-cache\n");
    }

    @Test
    void fallbackKeysAreTriedInOrder() {
        fill("main", CacheSpec.Policy.PULL_PUSH);
        read(CacheSpec.of("feature", "deps/").withFallbackKeys("missing", "main"));
        assertThat(shell.plain()).containsSubsequence("Checking cache for feature...", "Checking cache for missing...",
                "Checking cache for main...", "Successfully extracted cache", "\nmain\n");
    }

    @Test
    void whenDecidesWhetherAFailedJobSaves() {
        shell.run(JobSpec.builder(3, "fails").projectDir("f1").script("mkdir deps && echo failed > deps/lib", "exit 1")
                .cache(CacheSpec.of("onsuccess", "deps/")).cache(CacheSpec.of("always", "deps/").withWhen(UploadWhen.ALWAYS)).build());
        assertThat(root.resolve("cache/onsuccess/cache.zip")).doesNotExist();
        assertThat(root.resolve("cache/always/cache.zip")).isRegularFile();
    }

    @Test
    void aMissingCacheIsOnlyAWarning() {
        var outcome = read(CacheSpec.of("nothing", "deps/"));
        assertThat(outcome.succeeded()).isTrue();
        assertThat(shell.plain()).contains("WARNING: Failed to extract cache");
    }
}
