package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example, examples/python-service, runs its whole flow: tests, build, the three
 * deployments (needs python3, like the example itself). Run on a copy outside any git repository,
 * which is also how a directory without git is run.
 */
class ExampleIT {

    @TempDir
    Path copy;

    @TempDir
    Path deployments;

    @Test
    void pythonServiceDeploysToAllThreeEnvironments() throws IOException {
        Path example = Path.of("..", "examples", "python-service").toAbsolutePath().normalize();
        assertThat(example.resolve(".gitlab-ci.yml")).as("the example is where the README says").exists();
        copyTree(example, copy);

        CliRun run = CliRun.in(copy, "run", "--no-color", "--ref", "main", "--manual", "deploy_staging",
                "--manual", "deploy_production", "--variable", "DEPLOY_ROOT=" + deployments);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Ran 10 tests").contains("self-test: basket total 1186 cents")
                .contains("integration now runs").contains("staging now runs").contains("production now runs")
                .contains("Pipeline #1 passed");
        for (String env : new String[] {"integration", "staging", "production"}) {
            assertThat(deployments.resolve(env + "/current/python-service.pyz")).exists();
            assertThat(deployments.resolve(env + "/deployments.log")).content().hasLineCount(1);
        }
    }

    @Test
    void onAFeatureBranchOnlyTheTestsRun() {
        Path example = Path.of("..", "examples", "python-service").toAbsolutePath().normalize();

        CliRun run = CliRun.in(example, "run", "--list", "--ref", "feature");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().skip(1).map(l -> l.split("\\s+")[0]).toList()).containsExactly("test");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.filter(p -> !from.relativize(p).startsWith(".sluice")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
