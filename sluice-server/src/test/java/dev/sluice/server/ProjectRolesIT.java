package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The members API and the roles the REST API enforces, over real HTTP with each role's token. */
class ProjectRolesIT {

    @TempDir
    Path tmp;
    Coordinator server;
    long project;
    String[] guest;
    String[] reporter;
    String[] developer;
    String[] maintainer;
    String[] stranger;

    @BeforeEach
    void start() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(5))
                .withAdminToken(Http.ADMIN_TOKEN));
        project = Rest.ok(201, Http.api("POST", server.url() + "/api/v4/projects", CoordinatorIT.JSON.writeValueAsString(
                java.util.Map.of("name", "app", "import_url", repo().toString())))).get("id").asLong();
        guest = GitClient.user(server, "guest", "api");
        reporter = GitClient.user(server, "reporter", "api");
        developer = GitClient.user(server, "developer", "api");
        maintainer = GitClient.user(server, "maintainer", "api");
        stranger = GitClient.user(server, "stranger", "api");
        GitClient.member(server, project, guest[0], ProjectMembers.GUEST);
        GitClient.member(server, project, reporter[0], ProjectMembers.REPORTER);
        GitClient.member(server, project, developer[0], ProjectMembers.DEVELOPER);
        GitClient.member(server, project, maintainer[0], ProjectMembers.MAINTAINER);
    }

    private Path repo() throws Exception {
        Path repo = java.nio.file.Files.createDirectories(tmp.resolve("origin"));
        CoordinatorIT.git(repo, "init", "-q", "-b", "main");
        java.nio.file.Files.writeString(repo.resolve(".gitlab-ci.yml"), "job: {script: [echo]}\n");
        CoordinatorIT.git(repo, "add", ".");
        CoordinatorIT.git(repo, "commit", "-q", "-m", "init");
        CoordinatorIT.git(repo, "branch", "feature");
        return repo;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> as(String[] who, String method, String path, String body) throws Exception {
        return Http.send(method, server.url() + "/api/v4/projects/" + project + path, body, "PRIVATE-TOKEN", who[1],
                "Content-Type", "application/json");
    }

    private int status(String[] who, String method, String path) throws Exception {
        return as(who, method, path, null).statusCode();
    }

    @Test
    void theMembersApiListsAddsChangesAndRemovesMembersInGitLabsShape() throws Exception {
        var list = Rest.ok(200, as(guest, "GET", "/members", null));
        assertThat(list).extracting(m -> m.get("username").asText())
                .containsExactly("root", "guest", "reporter", "developer", "maintainer");
        assertThat(list.get(0).get("access_level").asInt()).as("the creator owns the project").isEqualTo(50);
        assertThat(Rest.ok(200, as(guest, "GET", "/members/" + developer[0], null)).get("access_level").asInt()).isEqualTo(30);

        assertThat(status(developer, "POST", "/members")).as("developers do not manage members").isEqualTo(403);
        var added = Rest.ok(201, as(maintainer, "POST", "/members", "{\"user_id\":" + stranger[0] + ",\"access_level\":20}"));
        assertThat(added.get("username").asText()).isEqualTo("stranger");
        assertThat(as(maintainer, "POST", "/members", "{\"user_id\":" + stranger[0] + ",\"access_level\":20}").statusCode()).isEqualTo(409);
        assertThat(as(maintainer, "POST", "/members", "{\"user_id\":999,\"access_level\":20}").statusCode()).isEqualTo(404);
        var badLevel = as(maintainer, "PUT", "/members/" + stranger[0], "{\"access_level\":25}");
        assertThat(badLevel.statusCode()).isEqualTo(400);
        assertThat(badLevel.body()).contains("access_level does not have a valid value");
        assertThat(Rest.ok(200, as(maintainer, "PUT", "/members/" + stranger[0], "{\"access_level\":30}")).get("access_level").asInt())
                .isEqualTo(30);
        assertThat(as(maintainer, "PUT", "/members/" + stranger[0], "{\"access_level\":50}").statusCode())
                .as("only an owner makes owners").isEqualTo(403);
        assertThat(as(maintainer, "DELETE", "/members/1", null).statusCode()).as("nor removes one").isEqualTo(403);
        assertThat(as(maintainer, "DELETE", "/members/" + stranger[0], null).statusCode()).isEqualTo(204);
        assertThat(as(maintainer, "DELETE", "/members/" + stranger[0], null).statusCode()).isEqualTo(404);
        assertThat(status(stranger, "GET", "")).as("no longer a member").isEqualTo(404);
    }

    @Test
    void nonMembersDoNotSeeTheProjectAndTheProjectListHasOnlyOnesOwn() throws Exception {
        assertThat(status(stranger, "GET", "")).isEqualTo(404);
        assertThat(status(stranger, "GET", "/pipelines")).isEqualTo(404);
        assertThat(status(stranger, "GET", "/members")).isEqualTo(404);
        assertThat(status(guest, "GET", "")).isEqualTo(200);
        var mine = Http.send("GET", server.url() + "/api/v4/projects", null, "PRIVATE-TOKEN", stranger[1]);
        assertThat(CoordinatorIT.json(mine.body())).isEmpty();
        var theirs = Http.send("GET", server.url() + "/api/v4/projects", null, "PRIVATE-TOKEN", guest[1]);
        assertThat(CoordinatorIT.json(theirs.body())).extracting(p -> p.get("id").asLong()).containsExactly(project);
        assertThat(theirs.headers().firstValue("X-Total")).hasValue("1");
    }

    @Test
    void runningPipelinesNeedsADeveloperAndAMaintainerOnProtectedBranches() throws Exception {
        assertThat(status(reporter, "POST", "/pipeline?ref=feature")).isEqualTo(403);
        long pipeline = Rest.ok(201, as(developer, "POST", "/pipeline?ref=feature", null)).get("id").asLong();
        var refused = as(developer, "POST", "/pipeline?ref=main", null);
        assertThat(refused.statusCode()).as("main is protected").isEqualTo(403);
        assertThat(refused.body()).contains("you may not run pipelines for main");
        long onMain = Rest.ok(201, as(maintainer, "POST", "/pipeline?ref=main", null)).get("id").asLong();

        assertThat(status(reporter, "POST", "/pipelines/" + pipeline + "/cancel")).isEqualTo(403);
        assertThat(status(developer, "POST", "/pipelines/" + onMain + "/cancel")).isEqualTo(403);
        assertThat(status(developer, "POST", "/pipelines/" + pipeline + "/cancel")).isEqualTo(201);
        long job = Rest.ok(200, as(guest, "GET", "/pipelines/" + pipeline + "/jobs", null)).get(0).get("id").asLong();
        assertThat(status(reporter, "POST", "/jobs/" + job + "/retry")).isEqualTo(403);
        assertThat(status(developer, "POST", "/jobs/" + job + "/retry")).isEqualTo(201);
        assertThat(status(guest, "GET", "/jobs/" + job)).isEqualTo(200);
        assertThat(status(guest, "GET", "/jobs/" + job + "/trace")).as("logs need reporter").isEqualTo(403);
        assertThat(status(reporter, "GET", "/jobs/" + job + "/trace")).isEqualTo(200);
    }

    @Test
    void settingsNeedAMaintainer() throws Exception {
        for (String path : new String[] {"/variables", "/protected_branches", "/protected_tags", "/runners"}) {
            assertThat(status(developer, "GET", path)).as(path).isEqualTo(403);
            assertThat(status(maintainer, "GET", path)).as(path).isEqualTo(200);
            assertThat(status(stranger, "GET", path)).as(path).isEqualTo(404);
        }
        assertThat(as(developer, "POST", "/variables", "{\"key\":\"A\",\"value\":\"1\"}").statusCode()).isEqualTo(403);
        assertThat(as(maintainer, "POST", "/variables", "{\"key\":\"A\",\"value\":\"1\"}").statusCode()).isEqualTo(201);
        assertThat(as(developer, "DELETE", "/protected_branches/main", null).statusCode()).isEqualTo(403);
    }
}
