package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.runner.RunnerAgent;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge-request flow over real HTTP and real git: a developer pushes a branch (with the git CLI into the
 * project's bare repository, then the push hook, as git's receive hook does), opens a merge request, its pipeline
 * runs, a maintainer approves and merges, and the target branch's pipeline starts. Jobs are finished through the
 * runner API.
 */
class MergeRequestIT {

    /** GitLab's usual split: tests in merge-request pipelines, builds in branch pipelines. */
    static final String MR_CONFIG = """
            unit:
              script: [echo unit]
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
            build:
              script: [echo build]
              rules:
                - if: $CI_COMMIT_BRANCH
            """;

    @TempDir
    Path tmp;
    Coordinator server;
    Projects.Project project;
    Path work;
    String runner;
    String alice;
    String bob;
    String dave;
    RunnerAgent agent;

    @BeforeEach
    void start() {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(1))
                .withAdminToken(Http.ADMIN_TOKEN));
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.shutdown();
        }
        server.close();
    }

    @Test
    void aMergeRequestRunsOnlyItsJobsIsApprovedByAMaintainerAndMergedWithAMergeCommit() throws Exception {
        setUp(MR_CONFIG);
        ok(201, api(Http.ADMIN_TOKEN, "POST", "/approvals", "{\"approvals_before_merge\":1}"));
        String first = commitAndPush("feature", "feature.txt", "one", "Add feature");

        var mr = ok(201, api(alice, "POST", "/merge_requests",
                "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"Add feature\",\"description\":\"Why\"}"));

        assertThat(mr.get("iid").asLong()).isEqualTo(1);
        assertThat(mr.get("state").asText()).isEqualTo("opened");
        assertThat(mr.get("sha").asText()).isEqualTo(first);
        assertThat(mr.get("author").get("username").asText()).isEqualTo("alice");
        assertThat(mr.get("detailed_merge_status").asText()).isEqualTo("ci_still_running");
        JsonNode pipeline = mr.get("head_pipeline");
        assertThat(pipeline.get("ref").asText()).isEqualTo("refs/merge-requests/1/head");
        assertThat(jobNames(pipeline.get("id").asLong())).containsExactly("unit");
        assertThat(ok(200, api(alice, "GET", "/merge_requests/1/pipelines", null))).extracting(p -> p.get("ref").asText())
                .containsExactly("refs/merge-requests/1/head", "feature");

        var payload = take("unit");
        assertThat(variable(payload, "CI_PIPELINE_SOURCE")).isEqualTo("merge_request_event");
        assertThat(variable(payload, "CI_MERGE_REQUEST_IID")).isEqualTo("1");
        assertThat(variable(payload, "CI_COMMIT_REF_NAME")).isEqualTo("feature");
        assertThat(variable(payload, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME")).isEqualTo("main");
        assertThat(variable(payload, "CI_MERGE_REQUEST_DIFF_BASE_SHA")).isEqualTo(head("main"));
        assertThat(payload.get("git_info").get("refspecs").get(0).asText())
                .isEqualTo("+refs/merge-requests/1/head:refs/remotes/origin/refs/merge-requests/1/head");

        var own = api(alice, "POST", "/merge_requests/1/approve", null);
        assertThat(own.statusCode()).isEqualTo(401);
        assertThat(own.body()).contains("authors cannot approve");
        var running = api(bob, "PUT", "/merge_requests/1/merge", null);
        assertThat(running.statusCode()).isEqualTo(405);
        assertThat(running.body()).contains("is still running").contains("1 more approval required (0 of 1)");

        finish(payload, "failed");
        ok(201, api(bob, "POST", "/merge_requests/1/approve", null));
        var failing = api(bob, "PUT", "/merge_requests/1/merge", null);
        assertThat(failing.statusCode()).isEqualTo(405);
        assertThat(failing.body()).contains("is failed, it must succeed").doesNotContain("approval");

        String second = commitAndPush("feature", "feature.txt", "two", "Fix feature");
        var approvals = ok(200, api(bob, "GET", "/merge_requests/1/approvals", null));
        assertThat(approvals.get("approvals_left").asInt()).as("the push reset the approval").isEqualTo(1);
        assertThat(approvals.get("user_can_approve").asBoolean()).isTrue();
        finish(take("unit"), "success");
        assertThat(ok(200, api(bob, "GET", "/merge_requests/1", null)).get("detailed_merge_status").asText()).isEqualTo("not_approved");
        ok(201, api(bob, "POST", "/merge_requests/1/approve", "{\"sha\":\"" + second + "\"}"));

        assertThat(api(bob, "PUT", "/merge_requests/1/merge", "{\"sha\":\"" + first + "\"}").statusCode()).isEqualTo(409);
        var merged = ok(200, api(bob, "PUT", "/merge_requests/1/merge", "{\"sha\":\"" + second + "\"}"));

        assertThat(merged.get("state").asText()).isEqualTo("merged");
        assertThat(merged.get("merged_by").get("username").asText()).isEqualTo("bob");
        String mergeCommit = merged.get("merge_commit_sha").asText();
        assertThat(head("main")).isEqualTo(mergeCommit);
        assertThat(git(bare(), "log", "-1", "--format=%P%n%s%n%an", mergeCommit))
                .isEqualTo(headBefore + " " + second + "\nMerge branch 'feature' into 'main'\nBob");
        var mainPipelines = ok(200, api(bob, "GET", "/pipelines?ref=main", null));
        assertThat(mainPipelines).singleElement().satisfies(p -> assertThat(p.get("sha").asText()).isEqualTo(mergeCommit));
        assertThat(jobNames(mainPipelines.get(0).get("id").asLong())).containsExactly("build");
        assertThat(api(bob, "PUT", "/merge_requests/1/merge", null).body()).contains("the merge request is merged");
    }

    @Test
    void aRealRunnerChecksOutTheMergeRequestRefAndTheMergeStartsTheTargetPipeline() throws Exception {
        setUp("""
                unit:
                  script: [echo "testing !$CI_MERGE_REQUEST_IID from $CI_COMMIT_REF_NAME", cat feature.txt]
                  rules:
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                build:
                  script: [echo "building $CI_COMMIT_BRANCH", cat feature.txt]
                  rules:
                    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                """);
        var registered = ok(201, Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}"));
        agent = Rest.shellRunner(server, registered, 1, tmp.resolve("runner"));
        commitAndPush("feature", "feature.txt", "the feature's content", "Add feature");

        long mrPipeline = ok(201, api(alice, "POST", "/merge_requests",
                "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}")).get("head_pipeline").get("id").asLong();

        assertThat(awaitFinished(mrPipeline)).isEqualTo("success");
        long unit = ok(200, api(bob, "GET", "/pipelines/" + mrPipeline + "/jobs", null)).get(0).get("id").asLong();
        assertThat(Files.readString(server.traceFile(unit))).contains("testing !1 from feature", "the feature's content");
        assertThat(ok(200, api(bob, "PUT", "/merge_requests/1/merge", null)).get("state").asText()).isEqualTo("merged");
        long mainPipeline = ok(200, api(bob, "GET", "/pipelines?ref=main", null)).get(0).get("id").asLong();
        assertThat(awaitFinished(mainPipeline)).isEqualTo("success");
        long build = ok(200, api(bob, "GET", "/pipelines/" + mainPipeline + "/jobs", null)).get(0).get("id").asLong();
        assertThat(Files.readString(server.traceFile(build))).contains("building main", "the feature's content");
    }

    private String awaitFinished(long pipeline) throws Exception {
        Http.await("pipeline " + pipeline + " to finish", () -> {
            try {
                return !List.of("created", "pending", "running").contains(pipelineStatus(pipeline));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return pipelineStatus(pipeline);
    }

    private String pipelineStatus(long pipeline) throws Exception {
        return ok(200, api(Http.ADMIN_TOKEN, "GET", "/pipelines/" + pipeline, null)).get("status").asText();
    }

    @Test
    void fastForwardNeedsARebaseAndConflictsAreRefused() throws Exception {
        setUp("build: {script: [echo]}\n");
        ok(200, api(Http.ADMIN_TOKEN, "PUT", "", "{\"merge_method\":\"ff\"}"));
        String feature = commitAndPush("feature", "feature.txt", "one", "Add feature");
        git(work, "checkout", "-q", "main");
        commitAndPush("main", "shared.txt", "main's", "Main moves on");
        git(work, "checkout", "-q", "-b", "clash", "main~1");
        commitAndPush("clash", "shared.txt", "clash's", "Same file");
        ok(201, api(alice, "POST", "/merge_requests", "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}"));
        ok(201, api(alice, "POST", "/merge_requests", "{\"source_branch\":\"clash\",\"target_branch\":\"main\",\"title\":\"C\"}"));
        finishAll();

        assertThat(ok(200, api(bob, "GET", "/merge_requests/1", null)).get("detailed_merge_status").asText()).isEqualTo("need_rebase");
        var notFf = api(bob, "PUT", "/merge_requests/1/merge", null);
        assertThat(notFf.statusCode()).isEqualTo(406);
        assertThat(notFf.body()).contains("fast-forward only");
        var clash = ok(200, api(bob, "GET", "/merge_requests/2", null));
        assertThat(clash.get("detailed_merge_status").asText()).isEqualTo("conflict");
        assertThat(clash.get("merge_status").asText()).isEqualTo("cannot_be_merged");
        assertThat(api(bob, "PUT", "/merge_requests/2/merge", null).body()).contains("conflicts with main");

        git(work, "checkout", "-q", "feature");
        git(work, "rebase", "-q", "main");
        String rebased = git(work, "rev-parse", "HEAD");
        pushAndHook("feature", feature, rebased, "+feature");
        finishAll();
        var merged = ok(200, api(bob, "PUT", "/merge_requests/1/merge", null));

        assertThat(head("main")).isEqualTo(rebased);
        assertThat(merged.has("merge_commit_sha")).as("no merge commit").isFalse();
        assertThat(ok(200, api(bob, "GET", "/pipelines?ref=main&sha=" + rebased, null))).hasSize(1);
    }

    @Test
    void withoutMergeRequestJobsTheBranchPipelineGatesTheMerge() throws Exception {
        setUp("build: {script: [echo]}\n");
        String sha = commitAndPush("feature", "feature.txt", "one", "Add feature");
        long branchPipeline = ok(200, api(bob, "GET", "/pipelines?ref=feature", null)).get(0).get("id").asLong();

        var mr = ok(201, api(alice, "POST", "/merge_requests", "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}"));

        assertThat(mr.get("head_pipeline").get("id").asLong()).isEqualTo(branchPipeline);
        assertThat(ok(200, api(bob, "GET", "/pipelines", null))).as("no merge-request pipeline").hasSize(1);
        assertThat(api(bob, "PUT", "/merge_requests/1/merge", null).body()).contains("pipeline " + branchPipeline).contains("still");
        finishAll();
        var merged = ok(200, api(bob, "PUT", "/merge_requests/1/merge", null));
        assertThat(merged.get("state").asText()).isEqualTo("merged");
        assertThat(git(bare(), "rev-parse", "main^2")).isEqualTo(sha);
    }

    @Test
    void onlyMergeRequestsSelectsJobsAndAllowedFailuresPassWithWarnings() throws Exception {
        setUp("""
                unit: {script: [echo], only: [merge_requests]}
                lint: {script: [echo], only: [merge_requests], allow_failure: true}
                build: {script: [echo]}
                """);
        commitAndPush("feature", "feature.txt", "one", "Add feature");
        var mr = ok(201, api(alice, "POST", "/merge_requests", "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}"));
        assertThat(jobNames(mr.get("head_pipeline").get("id").asLong())).containsExactlyInAnyOrder("unit", "lint");

        finishAll("lint");

        var passed = ok(200, api(bob, "GET", "/merge_requests/1", null));
        assertThat(passed.get("head_pipeline").get("status").asText()).isEqualTo("success");
        assertThat(passed.get("detailed_merge_status").asText()).isEqualTo("mergeable");
        assertThat(passed.get("merge_blockers")).isEmpty();
        assertThat(ok(200, api(bob, "PUT", "/merge_requests/1/merge", null)).get("state").asText()).isEqualTo("merged");
    }

    @Test
    void avoidingDuplicatePipelinesRunsOnlyTheMergeRequestPipelineOnAPush() throws Exception {
        setUp(MR_CONFIG);
        String first = commitAndPush("feature", "feature.txt", "one", "Add feature");
        ok(201, api(alice, "POST", "/merge_requests", "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}"));
        ok(200, api(Http.ADMIN_TOKEN, "PUT", "", "{\"avoid_duplicate_pipelines\":true}"));

        String second = commit("feature.txt", "two", "two");
        var created = pushAndHook("feature", first, second, "feature");
        assertThat(created).extracting(Pipelines.PipelineRow::ref).containsExactly("refs/merge-requests/1/head");

        ok(200, api(Http.ADMIN_TOKEN, "PUT", "", "{\"avoid_duplicate_pipelines\":false}"));
        String third = commit("feature.txt", "three", "three");
        assertThat(pushAndHook("feature", second, third, "feature")).extracting(Pipelines.PipelineRow::ref)
                .containsExactly("refs/merge-requests/1/head", "feature");

        ok(200, api(Http.ADMIN_TOKEN, "PUT", "", "{\"avoid_duplicate_pipelines\":true}"));
        api(Http.ADMIN_TOKEN, "PUT", "/merge_requests/1", "{\"state_event\":\"close\"}");
        String fourth = commit("feature.txt", "four", "four");
        assertThat(pushAndHook("feature", third, fourth, "feature")).as("no open merge request")
                .extracting(Pipelines.PipelineRow::ref).containsExactly("feature");
    }

    @Test
    void theRestApiListsEditsAndComments() throws Exception {
        setUp(MR_CONFIG);
        commitAndPush("feature", "feature.txt", "one", "Add feature");
        git(work, "checkout", "-q", "-b", "other", "main");
        commitAndPush("other", "other.txt", "one", "Other");
        String carol = user("carol", ProjectMembers.REPORTER);

        assertThat(api(carol, "POST", "/merge_requests", "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}")
                .statusCode()).isEqualTo(403);
        assertThat(api(alice, "POST", "/merge_requests", "{\"source_branch\":\"nope\",\"target_branch\":\"main\",\"title\":\"F\"}")
                .body()).contains("source_branch nope does not exist");
        assertThat(api(alice, "POST", "/merge_requests", "{\"source_branch\":\"main\",\"target_branch\":\"main\",\"title\":\"F\"}")
                .statusCode()).isEqualTo(422);
        assertThat(api(alice, "POST", "/merge_requests", "{\"source_branch\":\"feature\",\"target_branch\":\"main\"}").body())
                .contains("title is missing");
        ok(201, api(alice, "POST", "/merge_requests", "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}"));
        var twin = api(alice, "POST", "/merge_requests", "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}");
        assertThat(twin.statusCode()).isEqualTo(409);
        assertThat(twin.body()).contains("!1");
        ok(201, api(alice, "POST", "/merge_requests", "source_branch=other&target_branch=main&title=Other",
                "Content-Type", "application/x-www-form-urlencoded"));

        var closed = ok(200, api(alice, "PUT", "/merge_requests/2", "{\"state_event\":\"close\",\"title\":\"Other, later\"}"));
        assertThat(closed.get("state").asText()).isEqualTo("closed");
        assertThat(closed.get("title").asText()).isEqualTo("Other, later");
        assertThat(closed.get("detailed_merge_status").asText()).isEqualTo("not_open");
        assertThat(closed.get("closed_at").isNull()).isFalse();
        var page = api(carol, "GET", "/merge_requests?state=opened&per_page=1", null);
        assertThat(ok(200, page)).extracting(m -> m.get("iid").asLong()).containsExactly(1L);
        assertThat(page.headers().firstValue("X-Total")).contains("1");
        var all = api(carol, "GET", "/merge_requests?per_page=1", null);
        assertThat(ok(200, all)).extracting(m -> m.get("iid").asLong()).containsExactly(2L);
        assertThat(all.headers().firstValue("X-Total-Pages")).contains("2");
        assertThat(api(carol, "GET", "/merge_requests?state=weird", null).statusCode()).isEqualTo(400);
        String closedHead = head("other");
        String moved = commit("other.txt", "two", "While closed");
        assertThat(pushAndHook("other", closedHead, moved, "other")).extracting(Pipelines.PipelineRow::ref).containsExactly("other");
        var reopened = ok(200, api(alice, "PUT", "/merge_requests/2", "{\"state_event\":\"reopen\"}"));
        assertThat(reopened.get("state").asText()).isEqualTo("opened");
        assertThat(reopened.get("sha").asText()).isEqualTo(moved);
        assertThat(reopened.get("head_pipeline").get("ref").asText()).as("the moved head's pipeline").isEqualTo("refs/merge-requests/2/head");
        assertThat(reopened.get("head_pipeline").get("sha").asText()).isEqualTo(moved);
        git(bare(), "update-ref", "-d", "refs/heads/other");
        assertThat(ok(200, api(alice, "GET", "/merge_requests/2", null)).get("merge_blockers").get(0).asText())
                .isEqualTo("the source branch other does not exist");
        assertThat(api(alice, "PUT", "/merge_requests/2", "{\"title\":\"" + "x".repeat(256) + "\"}").body())
                .contains("title is too long");
        assertThat(api(alice, "PUT", "/merge_requests/2", "{\"state_event\":\"merge\"}").statusCode()).isEqualTo(400);

        var note = ok(201, api(carol, "POST", "/merge_requests/1/notes", "{\"body\":\"Looks good\"}"));
        assertThat(note.get("author").get("username").asText()).isEqualTo("carol");
        assertThat(ok(200, api(alice, "GET", "/merge_requests/1/notes", null))).extracting(n -> n.get("body").asText())
                .containsExactly("Looks good");
        assertThat(api(carol, "POST", "/merge_requests/1/notes", "{\"body\":\" \"}").statusCode()).isEqualTo(400);
        assertThat(api(alice, "GET", "/merge_requests/9", null).statusCode()).isEqualTo(404);
        String stranger = user("eve", 0);
        assertThat(api(stranger, "GET", "/merge_requests", null).statusCode()).isEqualTo(404);
    }

    @Test
    void everyPipelineSaysWhatStartedItAndTheListFiltersBySource() throws Exception {
        setUp(MR_CONFIG);
        commitAndPush("feature", "feature.txt", "one", "Add feature");
        long mrPipeline = ok(201, api(alice, "POST", "/merge_requests",
                "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}")).get("head_pipeline").get("id").asLong();
        long apiPipeline = ok(201, api(bob, "POST", "/pipeline?ref=main", null)).get("id").asLong();

        assertThat(ok(200, api(alice, "GET", "/pipelines", null))).extracting(p -> p.get("ref").asText() + " " + p.get("source").asText())
                .containsExactly("main api", "refs/merge-requests/1/head merge_request_event", "feature push");
        assertThat(ok(200, api(alice, "GET", "/pipelines/" + mrPipeline, null)).get("source").asText()).isEqualTo("merge_request_event");
        assertThat(ok(200, api(alice, "GET", "/pipelines/" + mrPipeline + "/jobs", null)).get(0).get("pipeline").get("source").asText())
                .isEqualTo("merge_request_event");
        assertThat(ok(200, api(alice, "GET", "/merge_requests/1", null)).get("head_pipeline").get("source").asText())
                .isEqualTo("merge_request_event");
        assertThat(ok(200, api(alice, "GET", "/pipelines?source=api", null))).extracting(p -> p.get("id").asLong())
                .containsExactly(apiPipeline);
        assertThat(ok(200, api(alice, "GET", "/pipelines?source=push", null))).extracting(p -> p.get("ref").asText())
                .containsExactly("feature");
        var pushes = api(alice, "GET", "/pipelines?source=push&ref=main", null);
        assertThat(ok(200, pushes)).isEmpty();
        assertThat(pushes.headers().firstValue("X-Total")).hasValue("0");
        assertThat(ok(200, api(alice, "GET", "/pipelines?source=schedule", null))).isEmpty();
        assertThat(api(alice, "GET", "/pipelines?source=cron", null).body()).contains("source does not have a valid value");
    }

    @Test
    void approvalSettingsDecideWhoseApprovalCountsAndWhoMayMerge() throws Exception {
        setUp("build: {script: [echo]}\n");
        commitAndPush("feature", "feature.txt", "one", "Add feature");
        ok(201, api(alice, "POST", "/merge_requests", "{\"source_branch\":\"feature\",\"target_branch\":\"main\",\"title\":\"F\"}"));
        finishAll();

        assertThat(api(dave, "POST", "/approvals", "{\"approvals_before_merge\":2}").statusCode()).isEqualTo(403);
        var settings = ok(201, api(bob, "POST", "/approvals",
                "{\"approvals_before_merge\":1,\"approver_access_level\":40,\"reset_approvals_on_push\":false}"));
        assertThat(settings.get("approvals_before_merge").asInt()).isEqualTo(1);
        assertThat(ok(200, api(dave, "GET", "/approvals", null)).get("approver_access_level").asInt()).isEqualTo(40);
        assertThat(api(bob, "POST", "/approvals", "{\"approver_access_level\":20}").statusCode()).isEqualTo(400);
        assertThat(api(bob, "POST", "/approvals", "{\"approvals_before_merge\":-1}").statusCode()).isEqualTo(400);
        assertThat(api(bob, "POST", "/approvals", "{\"merge_requests_author_approval\":true}").statusCode()).isEqualTo(400);

        var developer = api(dave, "POST", "/merge_requests/1/approve", null);
        assertThat(developer.statusCode()).isEqualTo(401);
        assertThat(developer.body()).contains("maintainer role");
        var byDeveloper = api(dave, "PUT", "/merge_requests/1/merge", null);
        assertThat(byDeveloper.statusCode()).as("main is protected").isEqualTo(401);
        assertThat(ok(201, api(bob, "POST", "/merge_requests/1/approve", null)).get("approvals_left").asInt()).isZero();
        assertThat(api(bob, "POST", "/merge_requests/1/approve", null).statusCode()).isEqualTo(401);
        assertThat(ok(201, api(bob, "POST", "/merge_requests/1/unapprove", null)).get("approvals_left").asInt()).isEqualTo(1);
        assertThat(api(bob, "POST", "/merge_requests/1/unapprove", null).statusCode()).isEqualTo(404);
        ok(201, api(bob, "POST", "/merge_requests/1/approve", null));

        String before = head("feature");
        String after = commit("feature.txt", "two", "two");
        pushAndHook("feature", before, after, "feature");
        finishAll();
        assertThat(ok(200, api(bob, "GET", "/merge_requests/1/approvals", null)).get("approved").asBoolean())
                .as("reset_approvals_on_push is off").isTrue();
        assertThat(ok(200, api(bob, "PUT", "/merge_requests/1/merge", null)).get("state").asText()).isEqualTo("merged");
    }

    // --- fixture ---

    private String headBefore;

    /**
     * A project (owned by root) importing a repository with {@code ci} on main, and alice (developer, the
     * author), bob (maintainer) and dave (developer); a work clone of the project's repository.
     */
    private void setUp(String ci) throws Exception {
        Path seed = Files.createDirectories(tmp.resolve("seed"));
        git(seed, "init", "-q", "-b", "main");
        Files.writeString(seed.resolve(".gitlab-ci.yml"), ci);
        git(seed, "add", ".");
        git(seed, "commit", "-q", "-m", "init");
        var created = ok(201, Http.api("POST", server.url() + "/api/v4/projects",
                "{\"name\":\"app\",\"path\":\"group/app\",\"import_url\":\"" + seed + "\"}"));
        project = new Projects.Project(created.get("id").asLong(), "app", "group/app",
                tmp.resolve("data/repositories/group/app.git").toAbsolutePath().toString(), "main");
        assertThat(Path.of(project.repoDir())).isDirectory();
        alice = user("alice", ProjectMembers.DEVELOPER);
        bob = user("bob", ProjectMembers.MAINTAINER);
        dave = user("dave", ProjectMembers.DEVELOPER);
        work = tmp.resolve("work");
        var clone = new ProcessBuilder("git", "clone", "-q", project.repoDir(), work.toString()).inheritIO().start();
        assertThat(clone.waitFor()).isZero();
        runner = ok(201, Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}")).get("token").asText();
        headBefore = head("main");
    }

    /** A user with a token, a member of the project at {@code level} (none when 0); returns the token. */
    private String user(String name, int level) throws Exception {
        long id = ok(201, Http.api("POST", server.url() + "/api/v4/users",
                "{\"username\":\"" + name + "\",\"name\":\"" + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                        + "\",\"email\":\"" + name + "@example.com\"}")).get("id").asLong();
        String token = ok(201, Http.api("POST", server.url() + "/api/v4/users/" + id + "/personal_access_tokens",
                "{\"name\":\"t\",\"scopes\":[\"api\"]}")).get("token").asText();
        if (level > 0) {
            ok(201, api(Http.ADMIN_TOKEN, "POST", "/members", "{\"user_id\":" + id + ",\"access_level\":" + level + "}"));
        }
        return token;
    }

    /** A request to {@code /projects/:id<path>} with this user's token. */
    private HttpResponse<String> api(String token, String method, String path, String body, String... headers) throws Exception {
        var all = new ArrayList<>(List.of("PRIVATE-TOKEN", token));
        all.addAll(headers.length > 0 ? List.of(headers) : body == null ? List.of() : List.of("Content-Type", "application/json"));
        return Http.send(method, server.url() + "/api/v4/projects/" + project.id() + path, body, all.toArray(String[]::new));
    }

    private static JsonNode ok(int status, HttpResponse<String> response) throws Exception {
        return Rest.ok(status, response);
    }

    private List<String> jobNames(long pipeline) throws Exception {
        var names = new ArrayList<String>();
        ok(200, api(Http.ADMIN_TOKEN, "GET", "/pipelines/" + pipeline + "/jobs", null)).forEach(j -> names.add(j.get("name").asText()));
        return names;
    }

    /** Takes pending jobs until one named {@code name} (others succeed); fails when none is pending. */
    private JsonNode take(String name) throws Exception {
        while (true) {
            JsonNode payload = Rest.take(server, runner);
            assertThat(payload).as("a pending " + name + " job").isNotNull();
            if (payload.get("job_info").get("name").asText().equals(name)) {
                return payload;
            }
            finish(payload, "success");
        }
    }

    /** Every pending job succeeds but those named {@code failing}. */
    private void finishAll(String... failing) throws Exception {
        for (JsonNode payload = Rest.take(server, runner); payload != null; payload = Rest.take(server, runner)) {
            finish(payload, List.of(failing).contains(payload.get("job_info").get("name").asText()) ? "failed" : "success");
        }
    }

    private void finish(JsonNode payload, String state) throws Exception {
        var done = Http.send("PUT", server.url() + "/api/v4/jobs/" + payload.get("id").asLong(),
                "{\"token\":\"" + payload.get("token").asText() + "\",\"state\":\"" + state + "\"}");
        assertThat(done.statusCode()).isEqualTo(200);
    }

    private static String variable(JsonNode payload, String key) {
        return Rest.variable(payload, key).get("value").asText();
    }

    /** Commits on the work clone's current branch (creating {@code branch} from it when new), pushes, runs the hook. */
    private String commitAndPush(String branch, String file, String content, String message) throws Exception {
        if (!git(work, "rev-parse", "--abbrev-ref", "HEAD").equals(branch)) {
            git(work, "checkout", "-q", "-B", branch);
        }
        String old = head(branch);
        String sha = commit(file, content, message);
        pushAndHook(branch, old, sha, branch);
        return sha;
    }

    private String commit(String file, String content, String message) throws Exception {
        Files.writeString(work.resolve(file), content);
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", message);
        return git(work, "rev-parse", "HEAD");
    }

    /** What git's receive hook does after {@code git push origin <refspec>} moved the branch from old to new. */
    private List<Pipelines.PipelineRow> pushAndHook(String branch, String old, String sha, String refspec) throws Exception {
        git(work, "push", "-q", "origin", refspec);
        assertThat(head(branch)).isEqualTo(sha);
        return server.pushes().pushed(project, List.of(new RefUpdate("refs/heads/" + branch, old, sha)), PushPipelines.PushOptions.NONE);
    }

    /** The branch's head in the project's repository; git's zero id when it does not exist. */
    private String head(String branch) throws Exception {
        try {
            return GitRepos.resolve(bare(), "refs/heads/" + branch);
        } catch (GitRepos.GitException e) {
            return dev.sluice.engine.plan.TriggerContext.NO_SHA;
        }
    }

    private Path bare() {
        return Path.of(project.repoDir());
    }

    private static String git(Path dir, String... args) throws Exception {
        var cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=Tester", "-c", "user.email=t@example.com"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).as(String.join(" ", args)).isZero();
        return out;
    }
}
