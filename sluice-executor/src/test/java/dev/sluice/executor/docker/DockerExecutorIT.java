package dev.sluice.executor.docker;

import dev.sluice.executor.RunFailure;
import dev.sluice.model.ImageSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps in real containers: image, entrypoint, shell detection, variables, exit codes, after_script, pulls. */
class DockerExecutorIT extends DockerEngineTest {

    @Test
    void scriptRunsInTheImageOnTheMountedWorkingCopy() throws Exception {
        var job = JobSpec.builder(1, "build").projectDir("group/app").image(ImageSpec.of(DockerJobs.BUSYBOX))
                .variable("GREETING", "hello").variable(new JobVariable("SECRET_FILE", "s3cret", false, true, false))
                .script("echo \"$GREETING from $(pwd) in $CI_PROJECT_DIR\"", "echo built > out.txt", "cat \"$SECRET_FILE\"",
                        "test -z \"$BASH_VERSION\" && echo shell=sh")
                .build();
        var outcome = docker.run(job);

        assertThat(outcome.succeeded()).as(docker.plain()).isTrue();
        assertThat(docker.plain()).contains("Using Docker executor with image " + DockerJobs.BUSYBOX)
                .contains("$ echo \"$GREETING from $(pwd) in $CI_PROJECT_DIR\"\nhello from /builds/group/app in /builds/group/app\n")
                .contains("\ns3cret$ test").contains("shell=sh\n");
        assertThat(Files.readString(docker.projectDir(job).resolve("out.txt"))).isEqualTo("built\n");
    }

    @Test
    void imageEntrypointRunsFirstUnlessOverridden() {
        var kept = docker.run(JobSpec.builder(2, "kept").image(ImageSpec.of(DockerJobs.ENTRYPOINT))
                .script("echo \"entrypoint=${FROM_ENTRYPOINT:-none}\"").build());
        var reset = new ImageSpec(DockerJobs.ENTRYPOINT, List.of(), List.of(""), List.of(), List.of(), List.of());
        var overridden = docker.run(JobSpec.builder(3, "reset").image(reset).script("echo \"entrypoint=${FROM_ENTRYPOINT:-none}\"").build());

        assertThat(kept.succeeded() && overridden.succeeded()).as(docker.plain()).isTrue();
        assertThat(docker.plain()).containsSubsequence("entrypoint=yes\n", "entrypoint=none\n");
    }

    @Test
    void oneShellForScriptExitCodeKeptAndAfterScriptRunsOnFailure() {
        var outcome = docker.run(JobSpec.builder(4, "fails").script("export FROM_BEFORE=1", "echo \"before=$FROM_BEFORE\"", "exit 3",
                "echo never").afterScript("echo \"status=$CI_JOB_STATUS before=${FROM_BEFORE:-unset}\"").build());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failure()).contains(RunFailure.SCRIPT_FAILURE);
        assertThat(outcome.exitCode()).hasValue(3);
        assertThat(docker.plain()).contains("before=1\n").doesNotContain("\nnever\n")
                .contains("Running after_script").contains("status=failed before=unset\n")
                .contains("Job failed: exit code 3");
    }

    @Test
    void jobWithoutImageUsesTheDefaultImage() {
        var outcome = docker.run(JobSpec.builder(5, "plain").script("busybox | sed -n 1p").build());
        assertThat(outcome.succeeded()).as(docker.plain()).isTrue();
        assertThat(docker.plain()).contains("Using Docker executor with image " + DockerJobs.BUSYBOX).contains("BusyBox v");
    }

    @Test
    void missingImageWithPolicyNeverNamesTheImage() {
        var image = new ImageSpec("sluice-test/absent:1", List.of(), List.of(), List.of(), List.of("never"), List.of());
        var outcome = docker.run(JobSpec.builder(6, "absent").image(image).script("true").build());

        assertThat(outcome.failure()).contains(RunFailure.RUNNER_SYSTEM_FAILURE);
        assertThat(docker.plain()).contains("failed to pull image \"sluice-test/absent:1\" with specified policies [never]:"
                + " Error: No such image: sluice-test/absent:1");
    }

    @Test
    void missingImageWithNoRegistryFailsWithinThePullTimeout() {
        var image = new ImageSpec("sluice-test/absent:2", List.of(), List.of(), List.of(), List.of("always"), List.of());
        long start = System.nanoTime();
        var outcome = docker.run(JobSpec.builder(7, "pull").image(image).script("true").build());

        assertThat(outcome.failure()).contains(RunFailure.RUNNER_SYSTEM_FAILURE);
        assertThat(docker.plain()).contains("Pulling docker image sluice-test/absent:2 ...")
                .contains("failed to pull image \"sluice-test/absent:2\" with specified policies [always]:");
        assertThat(System.nanoTime() - start).isLessThan(options.pullTimeout().plusSeconds(15).toNanos());
    }

    @Test
    void cpuAndMemoryLimitsReachTheBuildContainer() {
        try (var limited = DockerJobs.connect(options.withLimits(0.5, 64L << 20, 0, 0))) {
            var jobs = new DockerJobs(root, limited);
            var outcome = jobs.run(JobSpec.builder(8, "limits").script(
                    // cgroup v2 first, then v1
                    "echo mem=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes)",
                    "echo cpu=$(cut -d' ' -f1 /sys/fs/cgroup/cpu.max 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us)").build());
            assertThat(outcome.succeeded()).as(jobs.plain()).isTrue();
            // 0.5 CPU is a quota of 50 ms per 100 ms period
            assertThat(jobs.plain()).contains("\nmem=67108864\n").contains("\ncpu=50000\n");
        }
    }

    @Test
    void registryThatNeverAnswersHitsThePullTimeoutInsteadOfHanging() throws Exception {
        try (var registry = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             var slow = DockerJobs.connect(options.withTimeouts(Duration.ofSeconds(3), options.serviceTimeout()))) {
            var held = new CopyOnWriteArrayList<Socket>();
            Thread.ofVirtual().start(() -> {
                while (!registry.isClosed()) {
                    try {
                        held.add(registry.accept()); // accepted, never answered
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String name = "127.0.0.1:" + registry.getLocalPort() + "/sluice/slow:1";
            var image = new ImageSpec(name, List.of(), List.of(), List.of(), List.of("always"), List.of());
            var jobs = new DockerJobs(root, slow);
            long start = System.nanoTime();
            var outcome = jobs.run(JobSpec.builder(9, "slow").image(image).script("true").build());

            assertThat(outcome.failure()).contains(RunFailure.RUNNER_SYSTEM_FAILURE);
            assertThat(jobs.plain()).contains("failed to pull image \"" + name + "\" with specified policies [always]:"
                    + " no answer from the registry within 3s (pull timeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            for (var socket : held) {
                socket.close();
            }
        }
    }
}
