package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.plan.TriggerContext;
import dev.sluice.model.JobVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes turned into pipelines over a real git repository and the real store; no runner takes the jobs. */
class PushPipelinesIT {

    static final String ZEROS = TriggerContext.NO_SHA;

    @TempDir
    Path tmp;
    Path repo;
    ScheduledExecutorService timers;
    Pipelines pipelines;
    JdbiJobs jobs;
    PipelineRuns runs;
    Database database;
    PushPipelines pushes;
    Projects.Project project;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.open(DatabaseConfig.h2(tmp.resolve("data")));
        var jdbi = database.jdbi;
        timers = Executors.newSingleThreadScheduledExecutor();
        pipelines = new JdbiPipelines(jdbi);
        jobs = new JdbiJobs(jdbi);
        runs = new PipelineRuns(new JdbiProjects(jdbi), pipelines, new JdbiPipelineJournal(jdbi), jobs, new FileArtifacts(tmp.resolve("artifacts"), 1 << 20), new JobQueue(waited -> { }), timers,
                () -> "http://sluice.test", Clock.systemUTC(), new OuterVariables(new JdbiProjectVariables(jdbi), new JdbiProtectedRefs(jdbi)),
                new Transactions(jdbi));
        pushes = new PushPipelines(runs);
        repo = Files.createDirectories(tmp.resolve("repo"));
        git("init", "-q", "-b", "main");
        project = new JdbiProjects(jdbi).create("app", "group/app", repo.toString(), "main");
    }

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
        database.close();
    }

    @Test
    void aBranchPushRunsWithTheOldCommitTheChangesAndTheCommitFromGit() throws Exception {
        String before = commit("""
                always: {script: [echo]}
                docs: {script: [echo], rules: [{changes: [docs/**]}]}
                """, Map.of("src/a.txt", "1"), "first");
        String after = commit(null, Map.of("src/a.txt", "2"), "Change a\n\nBecause it had to.");

        var created = pushes.pushed(project, List.of(new RefUpdate("refs/heads/main", before, after)), PushPipelines.PushOptions.NONE);

        assertThat(created).singleElement().satisfies(p -> {
            assertThat(p.ref()).isEqualTo("main");
            assertThat(p.sha()).isEqualTo(after);
        });
        assertThat(jobNames(created.get(0))).as("docs/** did not change").containsExactly("always");
        var vars = variables(created.get(0), "always");
        assertThat(vars).containsEntry("CI_PIPELINE_SOURCE", "push").containsEntry("CI_COMMIT_BEFORE_SHA", before)
                .containsEntry("CI_COMMIT_SHA", after).containsEntry("CI_COMMIT_BRANCH", "main")
                .containsEntry("CI_COMMIT_TITLE", "Change a").containsEntry("CI_COMMIT_MESSAGE", "Change a\n\nBecause it had to.")
                .containsEntry("CI_COMMIT_AUTHOR", "Ada <ada@example.com>").doesNotContainKey("CI_COMMIT_TAG");
    }

    @Test
    void aNewBranchHasNoOldCommitAndEveryChangesRuleHolds() throws Exception {
        String sha = commit("""
                docs: {script: [echo], rules: [{changes: [docs/**]}]}
                """, Map.of("src/a.txt", "1"), "first");

        var created = pushes.pushed(project, List.of(new RefUpdate("refs/heads/feature", ZEROS, sha)), PushPipelines.PushOptions.NONE);

        assertThat(jobNames(created.get(0))).containsExactly("docs");
        assertThat(variables(created.get(0), "docs")).containsEntry("CI_COMMIT_BEFORE_SHA", ZEROS)
                .containsEntry("CI_COMMIT_REF_NAME", "feature");
    }

    @Test
    void compareToDiffsAgainstTheNamedRefInTheRepository() throws Exception {
        String base = commit("""
                docs: {script: [echo], rules: [{changes: {paths: [docs/**], compare_to: main}}]}
                src: {script: [echo], rules: [{changes: {paths: [src/**], compare_to: main}}]}
                """, Map.of("src/a.txt", "1"), "base");
        git("checkout", "-q", "-b", "feature");
        String feature = commit(null, Map.of("docs/guide.md", "new"), "docs only");

        var created = pushes.pushed(project, List.of(new RefUpdate("refs/heads/feature", ZEROS, feature)),
                PushPipelines.PushOptions.NONE);

        assertThat(base).isNotEqualTo(feature);
        assertThat(jobNames(created.get(0))).containsExactly("docs");
    }

    @Test
    void aTagGetsCiCommitTagAndOneUpdateMakesOnePipelineEach() throws Exception {
        String sha = commit("job: {script: [echo]}\n", Map.of(), "release");

        var created = pushes.pushed(project, List.of(new RefUpdate("refs/heads/main", ZEROS, sha),
                new RefUpdate("refs/tags/v1.0", ZEROS, sha), new RefUpdate("refs/notes/commits", ZEROS, sha)),
                PushPipelines.PushOptions.NONE);

        assertThat(created).extracting(Pipelines.PipelineRow::ref).containsExactly("main", "v1.0");
        assertThat(variables(created.get(1), "job")).containsEntry("CI_COMMIT_TAG", "v1.0").doesNotContainKey("CI_COMMIT_BRANCH");
    }

    @Test
    void deletedRefsSkipCiMessagesAndTheCiSkipOptionCreateNothing() throws Exception {
        String first = commit("job: {script: [echo]}\n", Map.of(), "first");
        String skipped = commit(null, Map.of("a", "1"), "Tidy up [ci skip]");
        String second = commit(null, Map.of("a", "2"), "More [SKIP CI] please");
        String third = commit(null, Map.of("a", "3"), "normal");

        assertThat(pushes.pushed(project, List.of(new RefUpdate("refs/heads/old", first, ZEROS)), PushPipelines.PushOptions.NONE)).isEmpty();
        assertThat(pushes.pushed(project, List.of(new RefUpdate("refs/heads/main", first, skipped)), PushPipelines.PushOptions.NONE)).isEmpty();
        assertThat(pushes.pushed(project, List.of(new RefUpdate("refs/heads/main", skipped, second)), PushPipelines.PushOptions.NONE)).isEmpty();
        assertThat(pushes.pushed(project, List.of(new RefUpdate("refs/heads/main", second, third)),
                PushPipelines.PushOptions.parse(List.of("ci.skip")))).isEmpty();
        var withVariable = pushes.pushed(project, List.of(new RefUpdate("refs/heads/main", second, third)),
                PushPipelines.PushOptions.parse(List.of("ci.variable=\"DEPLOY=no\"", "unknown.option")));
        assertThat(variables(withVariable.get(0), "job")).containsEntry("DEPLOY", "no");
    }

    @Test
    void aNewCommitCancelsTheOlderPipelineWhileNoUninterruptibleJobHasStarted() throws Exception {
        String ci = """
                build: {stage: build, script: [echo]}
                test: {stage: test, script: [echo]}
                """;
        String one = commit(ci, Map.of("a", "1"), "one");
        var older = push("main", ZEROS, one);
        String two = commit(null, Map.of("a", "2"), "two");

        var newer = push("main", one, two);

        assertThat(status(older)).isEqualTo("canceled");
        assertThat(status(newer)).isEqualTo("pending");
    }

    @Test
    void conservativeSparesAPipelineOnceAnUninterruptibleJobStarted() throws Exception {
        String one = commit("""
                build: {stage: build, script: [echo]}
                lint: {stage: build, script: [echo], interruptible: true}
                """, Map.of("a", "1"), "one");
        var older = push("main", ZEROS, one);
        take(older, "build");
        String two = commit(null, Map.of("a", "2"), "two");

        push("main", one, two);

        assertThat(status(older)).isEqualTo("running");
        assertThat(jobStatus(older, "lint")).isEqualTo("pending");
    }

    @Test
    void interruptibleModeCancelsOnlyTheInterruptibleJobs() throws Exception {
        String one = commit("""
                workflow: {auto_cancel: {on_new_commit: interruptible}}
                build: {stage: build, script: [echo]}
                lint: {stage: build, script: [echo], interruptible: true}
                """, Map.of("a", "1"), "one");
        var older = push("main", ZEROS, one);
        take(older, "build");
        String two = commit(null, Map.of("a", "2"), "two");

        push("main", one, two);

        assertThat(jobStatus(older, "lint")).isEqualTo("canceled");
        assertThat(jobStatus(older, "build")).isEqualTo("running");
    }

    @Test
    void noneOtherRefsAndTheSameCommitAreNeverCanceled() throws Exception {
        String one = commit("job: {script: [echo]}\n", Map.of("a", "1"), "one");
        var sameCommit = push("main", ZEROS, one);
        var otherRef = push("other", ZEROS, one);
        push("main", ZEROS, one);
        assertThat(status(sameCommit)).isEqualTo("pending");

        String two = commit("""
                workflow: {auto_cancel: {on_new_commit: none}}
                job: {script: [echo]}
                """, Map.of("a", "2"), "two");
        var optedOut = push("main", one, two);
        String three = commit(null, Map.of("a", "3"), "three");
        push("main", two, three);

        assertThat(status(otherRef)).isEqualTo("pending");
        assertThat(status(optedOut)).isEqualTo("pending");
    }

    private Pipelines.PipelineRow push(String branch, String before, String after) throws Exception {
        return pushes.pushed(project, List.of(new RefUpdate("refs/heads/" + branch, before, after)), PushPipelines.PushOptions.NONE)
                .get(0);
    }

    private String status(Pipelines.PipelineRow pipeline) {
        return pipelines.find(pipeline.id()).orElseThrow().status();
    }

    private List<String> jobNames(Pipelines.PipelineRow pipeline) {
        return jobs.ofPipeline(pipeline.id()).stream().map(Jobs.JobRow::name).toList();
    }

    /** What the runner API does when a runner takes the job. */
    private void take(Pipelines.PipelineRow pipeline, String name) {
        assertThat(runs.start(jobId(pipeline, name), 1, Tokens.hash("glcbt-test"))).isTrue();
    }

    private long jobId(Pipelines.PipelineRow pipeline, String name) {
        return jobs.ofPipeline(pipeline.id()).stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow().id();
    }

    private String jobStatus(Pipelines.PipelineRow pipeline, String name) {
        return jobs.find(jobId(pipeline, name)).orElseThrow().status();
    }

    private Map<String, String> variables(Pipelines.PipelineRow pipeline, String job) {
        return runs.handout(jobId(pipeline, job)).orElseThrow().spec().variables().stream()
                .collect(Collectors.toMap(JobVariable::key, JobVariable::value, (a, b) -> b));
    }

    /** Commits the files (and the CI configuration when given) as Ada; returns the new commit. */
    private String commit(String ci, Map<String, String> files, String message) throws Exception {
        if (ci != null) {
            Files.writeString(repo.resolve(".gitlab-ci.yml"), ci);
        }
        for (var file : files.entrySet()) {
            Files.createDirectories(repo.resolve(file.getKey()).getParent() == null ? repo : repo.resolve(file.getKey()).getParent());
            Files.writeString(repo.resolve(file.getKey()), file.getValue());
        }
        git("add", "-A");
        git("-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-q", "--allow-empty", "-m", message);
        return GitRepos.resolve(repo, "HEAD");
    }

    private void git(String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        assertThat(new ProcessBuilder(cmd).inheritIO().start().waitFor()).isZero();
    }
}
