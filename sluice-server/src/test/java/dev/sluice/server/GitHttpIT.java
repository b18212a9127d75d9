package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git over HTTP with the real git CLI against a running coordinator: clone and push with tokens, the pipelines
 * a push makes, push options, protected branches and tags, and what each role may do.
 */
class GitHttpIT {

    static final String CI = "job: {script: [echo]}\n";

    @TempDir
    Path tmp;
    Coordinator server;
    GitClient git;
    long project;
    String[] developer;
    String[] reporter;
    String[] maintainer;
    String[] stranger;

    @BeforeEach
    void start() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(5))
                .withAdminToken(Http.ADMIN_TOKEN));
        git = new GitClient(Files.createDirectories(tmp.resolve("home")));
        Path origin = Files.createDirectories(tmp.resolve("origin"));
        git.run(origin, "init", "-q", "-b", "main").ok();
        Files.writeString(origin.resolve(".gitlab-ci.yml"), CI);
        git.run(origin, "add", ".").ok();
        git.run(origin, "commit", "-q", "-m", "init").ok();
        project = Rest.ok(201, Http.api("POST", server.url() + "/api/v4/projects", CoordinatorIT.JSON.writeValueAsString(
                Map.of("name", "app", "path", "group/app", "import_url", origin.toString())))).get("id").asLong();
        developer = GitClient.user(server, "dev", "write_repository");
        reporter = GitClient.user(server, "rep", "api");
        maintainer = GitClient.user(server, "boss", "api");
        stranger = GitClient.user(server, "eve", "api");
        GitClient.member(server, project, developer[0], ProjectMembers.DEVELOPER);
        GitClient.member(server, project, reporter[0], ProjectMembers.REPORTER);
        GitClient.member(server, project, maintainer[0], ProjectMembers.MAINTAINER);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url(String user, String[] who) {
        return GitClient.url(server, user, who[1], "group/app");
    }

    private Path cloneAs(String user, String[] who) throws Exception {
        Path dir = tmp.resolve("clone-" + user);
        git.run(tmp, "clone", "-q", url(user, who), dir.toString()).ok();
        return dir;
    }

    private String commit(Path clone, String file, String message) throws Exception {
        Files.writeString(clone.resolve(file), message);
        git.run(clone, "add", file).ok();
        git.run(clone, "commit", "-q", "-m", message).ok();
        return git.run(clone, "rev-parse", "HEAD").ok().output().strip();
    }

    private JsonNode pipelines(String ref) throws Exception {
        return Rest.ok(200, Http.api("GET", server.url() + "/api/v4/projects/" + project + "/pipelines?ref=" + ref));
    }

    @Test
    void aPushedBranchRunsAPushPipelineWithTheCommitBeforeIt() throws Exception {
        Path clone = cloneAs("dev", developer);
        git.run(clone, "checkout", "-q", "-b", "feature").ok();
        String first = commit(clone, "a.txt", "first");
        var created = git.run(clone, "push", "-q", "origin", "feature").ok();
        assertThat(created.output()).contains("Sluice: pipeline").contains("created for feature");
        String second = commit(clone, "a.txt", "second");
        git.run(clone, "push", "-q", "origin", "feature").ok();

        var list = pipelines("feature");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("sha").asText()).isEqualTo(second);
        var runner = Rest.runner(server, "");
        JsonNode job = Rest.take(server, runner.get("token").asText());
        assertThat(Rest.variable(job, "CI_COMMIT_SHA").get("value").asText()).as("the older pipeline was auto-canceled")
                .isEqualTo(second);
        assertThat(Rest.variable(job, "CI_COMMIT_BEFORE_SHA").get("value").asText()).isEqualTo(first);
        assertThat(Rest.variable(job, "CI_PIPELINE_SOURCE").get("value").asText()).isEqualTo("push");
        assertThat(Rest.variable(job, "CI_COMMIT_BRANCH").get("value").asText()).isEqualTo("feature");
    }

    @Test
    void pushOptionsSkipCiOrSetPipelineVariables() throws Exception {
        Path clone = cloneAs("dev", developer);
        git.run(clone, "checkout", "-q", "-b", "quiet").ok();
        commit(clone, "a.txt", "one");
        git.run(clone, "push", "-q", "-o", "ci.skip", "origin", "quiet").ok();
        assertThat(pipelines("quiet")).isEmpty();
        assertThat(git.run(clone, "ls-remote", "origin", "quiet").ok().output()).as("the branch was still pushed").contains("refs/heads/quiet");

        commit(clone, "a.txt", "two");
        git.run(clone, "push", "-q", "-o", "ci.variable=DEPLOY=no", "origin", "quiet").ok();
        assertThat(pipelines("quiet")).hasSize(1);
        JsonNode job = Rest.take(server, Rest.runner(server, "").get("token").asText());
        assertThat(Rest.variable(job, "DEPLOY").get("value").asText()).isEqualTo("no");
    }

    @Test
    void theProtectedDefaultBranchRefusesForcePushAndDeletionWithTheReason() throws Exception {
        Path clone = cloneAs("boss", maintainer);
        String before = git.run(clone, "rev-parse", "HEAD").ok().output().strip();
        commit(clone, "a.txt", "maintainers may push");
        git.run(clone, "push", "-q", "origin", "main").ok();

        git.run(clone, "reset", "-q", "--hard", before).ok();
        commit(clone, "b.txt", "rewritten");
        var forced = git.run(clone, "push", "--force", "origin", "main").refused();
        assertThat(forced.output()).contains("remote: Sluice: refs/heads/main: force-pushing to the protected branch main is not allowed")
                .contains("[remote rejected]");
        var deleted = git.run(clone, "push", "origin", ":main").refused();
        assertThat(deleted.output()).contains("remote: Sluice: refs/heads/main: deleting the protected branch main is not allowed");
        assertThat(pipelines("main")).as("one pipeline, for the accepted push").hasSize(1);

        git.run(clone, "push", "-q", "origin", "HEAD:refs/heads/scratch").ok();
        git.run(clone, "push", "-q", "--force", "origin", "HEAD~1:refs/heads/scratch").ok();
        git.run(clone, "push", "-q", "origin", ":scratch").ok(); // an unprotected branch may be rewritten and deleted
    }

    @Test
    void aDeveloperPushesBranchesAndTagsButNotToProtectedOnes() throws Exception {
        Path clone = cloneAs("dev", developer);
        commit(clone, "a.txt", "not on main");
        var refused = git.run(clone, "push", "origin", "main").refused();
        assertThat(refused.output()).contains("remote: Sluice: refs/heads/main: you are not allowed to push to the protected branch main");
        assertThat(pipelines("main")).isEmpty();

        git.run(clone, "tag", "v1").ok();
        git.run(clone, "push", "-q", "origin", "v1").ok();
        assertThat(pipelines("v1")).hasSize(1);
        Rest.ok(201, Http.api("POST", server.url() + "/api/v4/projects/" + project + "/protected_tags", "{\"name\":\"release-*\"}"));
        git.run(clone, "tag", "release-1").ok();
        assertThat(git.run(clone, "push", "origin", "release-1").refused().output())
                .contains("you are not allowed to create the protected tag release-1");
        assertThat(git.run(clone, "push", "origin", ":v1").refused().output()).contains("you are not allowed to delete the tag v1");
        assertThat(git.run(clone, "push", "origin", "HEAD:refs/notes/x").refused().output())
                .contains("only branches (refs/heads/) and tags (refs/tags/) can be pushed");
    }

    @Test
    void aReporterClonesButMayNotPush() throws Exception {
        Path clone = cloneAs("rep", reporter);
        commit(clone, "a.txt", "from a reporter");
        var refused = git.run(clone, "push", "origin", "HEAD:refs/heads/mine").refused();
        assertThat(refused.output()).contains("remote: You may not push to group/app: pushing needs the developer role or higher.");
        assertThat(pipelines("mine")).isEmpty();
    }

    @Test
    void strangersFindNoRepositoryAndWrongTokensAreAskedToAuthenticate() throws Exception {
        var stranger = git.run(tmp, "clone", "-q", url("eve", this.stranger), tmp.resolve("eve").toString()).refused();
        assertThat(stranger.output()).contains("remote: The project group/app does not exist, or you may not see it.")
                .contains("not found");
        var wrong = git.run(tmp, "clone", "-q", GitClient.url(server, "dev", "glpat-wrong", "group/app"), tmp.resolve("w").toString())
                .refused();
        assertThat(wrong.output()).contains("Authentication failed");
        var missing = git.run(tmp, "clone", "-q", server.url() + "/group/nothing.git", tmp.resolve("n").toString()).refused();
        assertThat(missing.output()).as("no credentials: git would prompt").contains("could not read Username");

        var anonymous = Http.send("GET", server.url() + "/group/app.git/info/refs?service=git-upload-pack", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Sluice\"");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("eve:" + this.stranger[1]).getBytes());
        assertThat(Http.send("GET", server.url() + "/group/app.git/info/refs?service=git-upload-pack", null, "Authorization", basic)
                .statusCode()).isEqualTo(404);
        assertThat(Http.send("GET", server.url() + "/api/v4/projects/" + project, null, "PRIVATE-TOKEN", this.stranger[1]).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aReadRepositoryTokenFetchesButDoesNotPush() throws Exception {
        var reader = GitClient.user(server, "reader", "read_repository");
        GitClient.member(server, project, reader[0], ProjectMembers.MAINTAINER);
        Path clone = cloneAs("reader", reader);
        commit(clone, "a.txt", "x");
        assertThat(git.run(clone, "push", "origin", "HEAD:refs/heads/x").refused().output())
                .contains("remote: The token's scopes do not allow pushing (write_repository).");
    }

    @Test
    void aMirrorIsClonedButTakesNoPushes() throws Exception {
        Path origin = tmp.resolve("origin");
        Rest.ok(201, Http.api("POST", server.url() + "/api/v4/projects", CoordinatorIT.JSON.writeValueAsString(Map.of("name", "mirror",
                "path", "group/mirror", "import_url", origin.toString(), "mirror", true, "mirror_webhook_secret", "s3cret"))));
        Path clone = tmp.resolve("mirror-clone");
        git.run(tmp, "clone", "-q", GitClient.url(server, "root", Http.ADMIN_TOKEN, "group/mirror"), clone.toString()).ok();
        commit(clone, "a.txt", "here");
        assertThat(git.run(clone, "push", "origin", "HEAD:refs/heads/here").refused().output())
                .contains("remote: group/mirror is a mirror: push to the repository it mirrors instead.")
                .doesNotContain(origin.toString());
    }
}
