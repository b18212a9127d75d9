package dev.sluice.executor.docker;

import dev.sluice.executor.BuildStage;
import dev.sluice.executor.ScriptStep;
import dev.sluice.model.ImageSpec;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerPlanTest {

    private static final Owner OWNER = new Owner("42-1000");
    private static final Path HOST_PROJECT = Path.of("/srv/builds/group/app");
    private static final Path HOST_TMP = Path.of("/srv/builds/group/app.tmp");

    private static ContainerPlan plan(JobSpec job, DockerOptions options) {
        return new ContainerPlan(job, options, OWNER, "sluice-42-1-job7", HOST_PROJECT, HOST_TMP);
    }

    private static JobSpec.Builder job() {
        return JobSpec.builder(7, "test").projectDir("group/app").script("true");
    }

    @Test
    void stepContainerMountsTheWorkingCopyAtGitlabsBuildsPath() {
        var plan = plan(job().image(ImageSpec.of("python:3.7")).variable("GREETING", "hi").build(), DockerOptions.defaults());
        var step = new ScriptStep(BuildStage.STEP_SCRIPT, "echo", Duration.ofMinutes(1), Map.of("CI_JOB_STATUS", "running"));
        var spec = plan.step(step, 1, plan.environment(), "/builds/group/app.tmp/step_script-1.sh");

        assertThat(spec.name()).isEqualTo("sluice-42-1-job7-step-script-1");
        assertThat(spec.image()).isEqualTo("python:3.7");
        assertThat(spec.entrypoint()).isEmpty();
        assertThat(spec.cmd()).containsExactly("sh", "-c", ContainerPlan.DETECT_SHELL, "sh", "/builds/group/app.tmp/step_script-1.sh");
        assertThat(spec.binds()).containsExactly(new ContainerSpec.Bind(HOST_PROJECT, "/builds/group/app"),
                new ContainerSpec.Bind(HOST_TMP, "/builds/group/app.tmp"));
        assertThat(spec.workingDir()).contains("/builds/group/app");
        assertThat(spec.env()).containsEntry("GREETING", "hi").containsEntry("CI_PROJECT_DIR", "/builds/group/app")
                .containsEntry("CI_BUILDS_DIR", "/builds").containsEntry("CI_JOB_STATUS", "running");
        assertThat(spec.network()).isEqualTo("sluice-42-1-job7-network");
        assertThat(spec.labels()).containsEntry(Owner.MANAGED, "true").containsEntry(Owner.OWNER, "42-1000")
                .containsEntry(Owner.ROLE, "build").containsEntry(Owner.JOB_ID, "7");
    }

    @Test
    void entrypointOverrideAndDefaultImage() {
        var image = new ImageSpec("tool:1", List.of(), List.of(""), List.of(), List.of(), List.of());
        var step = new ScriptStep(BuildStage.STEP_SCRIPT, "", Duration.ofMinutes(1), Map.of());
        var plan = plan(job().image(image).build(), DockerOptions.defaults());
        assertThat(plan.step(step, 1, plan.environment(), "/s").entrypoint()).contains(List.of(""));

        var noImage = plan(job().build(), DockerOptions.defaults().withDefaultImage("debian:12"));
        assertThat(noImage.image()).contains(ImageSpec.of("debian:12"));
        assertThat(plan(job().build(), DockerOptions.defaults()).image()).isEmpty();
    }

    @Test
    void fileVariablesPointIntoTheMountedTemporaryDirectory() {
        var plan = plan(job().variable(new JobVariable("KUBECONFIG", "secret", false, true, false)).build(), DockerOptions.defaults());
        var env = plan.environment();
        assertThat(env.env()).containsEntry("KUBECONFIG", "/builds/group/app.tmp/KUBECONFIG");
        assertThat(plan.hostPath(Path.of("/builds/group/app.tmp/KUBECONFIG"))).isEqualTo(HOST_TMP.resolve("KUBECONFIG"));
    }

    @Test
    void servicesGetAliasesCommandEntrypointAndVariables() {
        var mysql = new ImageSpec("mysql:5.6", List.of("db"), List.of("docker-entrypoint.sh"), List.of("mysqld", "--skip-grant-tables"),
                List.of(), List.of(JobVariable.of("MYSQL_DATABASE", "${DB}_test"), JobVariable.of("HEALTHCHECK_TCP_PORT", "3306")));
        var options = DockerOptions.defaults().withLimits(2, 1 << 30, 0.5, 256 << 20);
        var plan = plan(job().variable("DB", "shop").variable(new JobVariable("CERT", "x", false, true, false))
                .service(mysql).service(ImageSpec.of("redis:4")).build(), options);

        var services = plan.services();
        assertThat(services).hasSize(2);
        var db = services.getFirst();
        assertThat(db.container().name()).isEqualTo("sluice-42-1-job7-svc0-mysql");
        assertThat(db.container().aliases()).containsExactly("mysql", "db");
        assertThat(db.container().entrypoint()).contains(List.of("docker-entrypoint.sh"));
        assertThat(db.container().cmd()).containsExactly("mysqld", "--skip-grant-tables");
        assertThat(db.container().env()).containsEntry("MYSQL_DATABASE", "shop_test").containsEntry("DB", "shop")
                .doesNotContainKey("CERT");
        assertThat(db.container().limits()).isEqualTo(new ContainerSpec.Limits(0.5, 256 << 20));
        assertThat(db.container().labels()).containsEntry(Owner.ROLE, "service");
        assertThat(db.healthPort()).contains(3306);
        assertThat(services.get(1).container().aliases()).containsExactly("redis");
        assertThat(services.get(1).healthPort()).isEqualTo(Optional.empty());
    }

    @Test
    void limitsAndPrivilegedReachTheBuildContainer() {
        var options = DockerOptions.defaults().withLimits(1.5, 512L << 20, 0, 0).withPrivileged(true);
        var plan = plan(job().image(ImageSpec.of("alpine")).build(), options);
        var spec = plan.step(new ScriptStep(BuildStage.AFTER_SCRIPT, "", Duration.ofMinutes(1), Map.of()), 2, plan.environment(), "/s");
        assertThat(spec.limits().nanoCpus()).isEqualTo(1_500_000_000L);
        assertThat(spec.limits().memoryBytes()).isEqualTo(512L << 20);
        assertThat(spec.privileged()).isTrue();
        assertThat(spec.name()).endsWith("-after-script-2");
    }

    @Test
    void namePrefixesNeverRepeatInOneProcess() {
        assertThat(OWNER.namePrefix(7)).isNotEqualTo(OWNER.namePrefix(7)).startsWith("sluice-42-");
    }
}
