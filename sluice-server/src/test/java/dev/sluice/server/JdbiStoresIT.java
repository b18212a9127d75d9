package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The JDBI stores on H2 and on a real PostgreSQL, each test on a fresh database migrated by Flyway. */
class JdbiStoresIT {

    @TempDir
    Path tmp;
    private final FreshStore store = new FreshStore();

    private Jdbi open(TestDatabase db) {
        return store.open(db, tmp);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void projectsAreFoundByIdAndPathAndPathsAreUnique(TestDatabase db) {
        var projects = new JdbiProjects(open(db));
        var app = projects.create("app", "group/app", "/srv/app.git", "main");
        projects.create("lib", "group/lib", "/srv/lib.git", "trunk");

        assertThat(projects.find(app.id())).contains(app);
        assertThat(projects.byPath("group/lib").map(Projects.Project::defaultBranch)).contains("trunk");
        assertThat(projects.byPath("group/none")).isEmpty();
        assertThatThrownBy(() -> projects.create("again", "group/app", "/srv/x.git", "main"))
                .as("a second project at the same path").isInstanceOf(UnableToExecuteStatementException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void instanceSettingsAreAddedAndChanged(TestDatabase db) {
        var settings = new JdbiInstanceSettings(open(db));
        assertThat(settings.get("runner_registration_token")).isEmpty();
        settings.put("runner_registration_token", "one");
        settings.put("runner_registration_token", "two");
        settings.put("other", "x");
        assertThat(settings.get("runner_registration_token")).contains("two");
        assertThat(settings.get("other")).contains("x");
        assertThat(settings.putIfAbsent("other", "y")).as("another node's first value stays").isEqualTo("x");
        assertThat(settings.putIfAbsent("new", "z")).isEqualTo("z");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pipelinesKeepTheirStatusAndConfigurationErrors(TestDatabase db) {
        var jdbi = open(db);
        long project = new JdbiProjects(jdbi).create("app", "app", "/srv/app.git", "main").id();
        var pipelines = new JdbiPipelines(jdbi);
        var journal = new JdbiPipelineJournal(jdbi);
        long ok = journal.open(project, "main", "a".repeat(40), "push", "{}");
        long bad = journal.open(project, "feature", "b".repeat(40), "api", "{}");

        pipelines.setStatus(ok, "running");
        pipelines.fail(bad, "line 2: unknown key scirpt\n".repeat(200));

        assertThat(pipelines.find(ok)).contains(new Pipelines.PipelineRow(ok, project, "main", "a".repeat(40), "running", null, "push"));
        assertThat(pipelines.find(bad).orElseThrow().status()).isEqualTo("failed");
        assertThat(pipelines.find(bad).orElseThrow().errors()).as("text holds long error lists").hasSize(27 * 200);
        assertThat(pipelines.find(bad + 100)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTransitionsWritesCommitTogetherOrNotAtAll(TestDatabase db) {
        var jdbi = open(db);
        long project = new JdbiProjects(jdbi).create("app", "app", "/srv/app.git", "main").id();
        var journal = new JdbiPipelineJournal(jdbi);
        var jobs = new JdbiJobs(jdbi);
        var transactions = new Transactions(jdbi);
        long pipeline = journal.open(project, "main", "a".repeat(40), "push", "{}");
        long job = jobs.ensure(pipeline, 1, "test", "test", "created");

        assertThatThrownBy(() -> transactions.inOne(() -> {
            journal.append(pipeline, "{\"started\":1}");
            jobs.setStatus(job, "pending");
            assertThat(jobs.find(job).orElseThrow().status()).as("the transaction sees its own write").isEqualTo("pending");
            throw new IllegalStateException("the next write failed");
        })).hasMessage("the next write failed");
        assertThat(journal.events(pipeline)).as("rolled back with the job row").isEmpty();
        assertThat(jobs.find(job).orElseThrow().status()).isEqualTo("created");

        transactions.inOne(() -> {
            journal.append(pipeline, "{\"started\":1}");
            jobs.setStatus(job, "pending");
            return null;
        });
        assertThat(journal.events(pipeline)).containsExactly("{\"started\":1}");
        assertThat(jobs.find(job).orElseThrow().status()).isEqualTo("pending");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aJobGoesToOneRunnerAndFinishesOnlyWhileActive(TestDatabase db) {
        var jdbi = open(db);
        long project = new JdbiProjects(jdbi).create("app", "app", "/srv/app.git", "main").id();
        long pipeline = new JdbiPipelineJournal(jdbi).open(project, "main", "c".repeat(40), "api", "{}");
        var runners = new JdbiRunners(jdbi);
        long first = runners.create("h1", runner()).id();
        long second = runners.create("h2", runner()).id();
        var jobs = new JdbiJobs(jdbi);

        long build = jobs.ensure(pipeline, 7, "build", "build", "pending");
        assertThat(jobs.ensure(pipeline, 7, "build", "build", "pending")).as("ensure is idempotent").isEqualTo(build);
        long test = jobs.ensure(pipeline, 8, "test", "test", "created");

        assertThat(jobs.finish(build, "success", null, 0)).as("a pending job cannot finish").isFalse();
        assertThat(jobs.assign(build, first, "token-hash-1")).isTrue();
        assertThat(jobs.assign(build, second, "token-hash-2")).as("a second runner loses").isFalse();
        assertThat(jobs.count("running")).isEqualTo(1);
        assertThat(jobs.find(build).map(j -> j.runnerId() + " " + j.tokenHash())).contains(first + " token-hash-1");

        assertThat(jobs.finish(build, "failed", "script_failure", 2)).isTrue();
        assertThat(jobs.finish(build, "success", null, 0)).as("only once").isFalse();
        assertThat(jobs.find(build)).contains(new Jobs.JobRow(build, pipeline, 7, "build", "build", "failed", first,
                "token-hash-1", "script_failure", 2));
        jobs.setStatus(test, "skipped");
        assertThat(jobs.ofPipeline(pipeline)).extracting(Jobs.JobRow::name, Jobs.JobRow::status, Jobs.JobRow::exitCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("build", "failed", 2),
                        org.assertj.core.groups.Tuple.tuple("test", "skipped", null));
        assertThat(jobs.count("running")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void runnersAndTheirManagersUnderConcurrentRequests(TestDatabase db) throws Exception {
        var runners = new JdbiRunners(open(db));
        var created = runners.create("hash", new Runners.Runner(0, "docker host", List.of("docker", "linux"), false, true,
                "ref_protected", false, java.util.Set.of()));

        assertThat(runners.byTokenHash("hash")).contains(created);
        assertThat(created.tags()).containsExactly("docker", "linux");
        assertThat(runners.byTokenHash("other")).isEmpty();

        try (var pool = Executors.newFixedThreadPool(8)) {
            var calls = new ArrayList<Callable<Void>>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> {
                    runners.touchManager(created.id(), "s_host");
                    return null;
                });
            }
            for (var f : pool.invokeAll(calls)) {
                f.get(); // a lost insert race is not an error
            }
        }
        assertThat(runners.deleteManager(created.id(), "s_host")).isTrue();
        assertThat(runners.deleteManager(created.id(), "s_host")).as("there was exactly one").isFalse();

        runners.touchManager(created.id(), "s_other");
        assertThat(runners.delete(created.id())).as("managers go with their runner").isTrue();
        assertThat(runners.byTokenHash("hash")).isEmpty();
    }

    private static Runners.Runner runner() {
        return new Runners.Runner(0, "", List.of(), true, false, "not_protected", false, java.util.Set.of());
    }
}
