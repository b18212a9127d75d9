package dev.sluice.server;

import static dev.sluice.server.Rest.call;
import static dev.sluice.server.Rest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Protected branches and tags, ref_protected runners, and project (locked) runners, over HTTP. */
class ProtectedRefsAndRunnersIT {

    private static final String ONE_JOB = "job:\n  script: [echo]\n";

    @TempDir
    Path tmp;
    Coordinator server;

    @BeforeEach
    void start() {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ZERO).withAdminToken(Http.ADMIN_TOKEN));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void protectedBranchesAndTagsKeepGitLabsShape() throws Exception {
        long p = Rest.project(server, tmp, "app", ONE_JOB);
        String branches = "/projects/" + p + "/protected_branches";
        var initial = ok(200, call(server, "GET", branches, null));
        assertThat(initial).hasSize(1);
        assertThat(initial.get(0).get("name").asText()).as("the default branch, as on GitLab").isEqualTo("main");
        assertThat(initial.get(0).get("push_access_levels").get(0).get("access_level").asInt()).isEqualTo(40);

        assertThat(ok(201, call(server, "POST", branches, "{\"name\":\"release/*\"}")).get("name").asText()).isEqualTo("release/*");
        var again = call(server, "POST", branches + "?name=release/*", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(CoordinatorIT.json(again.body()).get("message").asText()).isEqualTo("Protected branch 'release/*' already exists");
        assertThat(call(server, "POST", branches, "{}").statusCode()).isEqualTo(400);
        assertThat(ok(200, call(server, "GET", branches + "/release/*", null)).get("name").asText()).isEqualTo("release/*");
        assertThat(call(server, "DELETE", branches + "/release/*", null).statusCode()).isEqualTo(204);
        assertThat(call(server, "DELETE", branches + "/release/*", null).statusCode()).isEqualTo(404);

        String tags = "/projects/" + p + "/protected_tags";
        assertThat(ok(200, call(server, "GET", tags, null))).isEmpty();
        assertThat(ok(201, call(server, "POST", tags, "{\"name\":\"v*\"}")).get("create_access_levels")).hasSize(1);
        assertThat(ok(200, call(server, "GET", tags, null)).get(0).get("name").asText()).isEqualTo("v*");
        assertThat(call(server, "GET", "/projects/42/protected_tags", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aRefProtectedRunnerTakesOnlyJobsOfProtectedRefs() throws Exception {
        long p = Rest.project(server, tmp, "app", ONE_JOB, "feature", "release/1.0");
        String guarded = Rest.runner(server, "\"access_level\":\"ref_protected\"").get("token").asText();
        assertThat(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\",\"access_level\":\"admin\"}")
                .statusCode()).isEqualTo(400);

        Rest.pipeline(server, p, "feature");
        assertThat(Rest.take(server, guarded)).as("feature is not protected").isNull();
        ok(201, call(server, "POST", "/projects/" + p + "/protected_branches", "{\"name\":\"release/*\"}"));
        Rest.pipeline(server, p, "release/1.0");
        JsonNode release = Rest.take(server, guarded);
        assertThat(release).as("release/* matches").isNotNull();
        assertThat(Rest.variable(release, "CI_COMMIT_REF_PROTECTED").get("value").asText()).isEqualTo("true");
        Rest.pipeline(server, p, "main");
        assertThat(Rest.take(server, guarded).get("git_info").get("ref").asText()).isEqualTo("main");
        assertThat(Rest.take(server, guarded)).isNull();

        String any = Rest.runner(server, "").get("token").asText();
        JsonNode feature = Rest.take(server, any);
        assertThat(feature.get("git_info").get("ref").asText()).as("any runner takes the rest").isEqualTo("feature");
        assertThat(Rest.variable(feature, "CI_COMMIT_REF_PROTECTED").get("value").asText()).isEqualTo("false");
    }

    @Test
    void projectRunnersTakeOnlyTheirProjectsJobsAndLockedOnesStayWithTheirProject() throws Exception {
        long one = Rest.project(server, tmp, "one", ONE_JOB);
        long two = Rest.project(server, tmp, "two", ONE_JOB);
        var locked = Rest.runner(server, "\"locked\":true,\"description\":\"locked\"");
        var shared = Rest.runner(server, "\"description\":\"free\"");
        String lockedId = locked.get("id").asText();
        String sharedId = shared.get("id").asText();

        assertThat(ok(200, call(server, "GET", "/projects/" + two + "/runners", null))).as("instance runners serve all").hasSize(2);
        var assigned = ok(201, call(server, "POST", "/projects/" + one + "/runners", "{\"runner_id\":" + lockedId + "}"));
        assertThat(assigned.get("runner_type").asText()).isEqualTo("project_type");
        assertThat(assigned.get("is_shared").asBoolean()).isFalse();
        assertThat(call(server, "POST", "/projects/" + one + "/runners", "{\"runner_id\":" + lockedId + "}").statusCode())
                .isEqualTo(409);
        var refused = call(server, "POST", "/projects/" + two + "/runners", "{\"runner_id\":" + lockedId + "}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Runner is locked");
        assertThat(call(server, "POST", "/projects/" + two + "/runners", "{\"runner_id\":9999}").statusCode()).isEqualTo(404);
        assertThat(ids(ok(200, call(server, "GET", "/projects/" + two + "/runners", null)))).containsExactly(sharedId);

        Rest.pipeline(server, two, "main");
        assertThat(Rest.take(server, locked.get("token").asText())).as("not its project").isNull();
        Rest.pipeline(server, one, "main");
        assertThat(Rest.take(server, locked.get("token").asText()).get("job_info").get("project_id").asLong()).isEqualTo(one);

        ok(201, call(server, "POST", "/projects/" + one + "/runners", "{\"runner_id\":" + sharedId + "}"));
        ok(201, call(server, "POST", "/projects/" + two + "/runners", "{\"runner_id\":" + sharedId + "}"));
        assertThat(ok(200, call(server, "DELETE", "/projects/" + one + "/runners/" + sharedId, null)).get("id").asText())
                .isEqualTo(sharedId);
        var last = call(server, "DELETE", "/projects/" + two + "/runners/" + sharedId, null);
        assertThat(last.statusCode()).as("it would become an instance runner").isEqualTo(403);
        assertThat(call(server, "DELETE", "/projects/" + one + "/runners/" + sharedId, null).statusCode()).isEqualTo(404);
        assertThat(Rest.take(server, shared.get("token").asText()).get("job_info").get("project_id").asLong()).isEqualTo(two);
    }

    private static List<String> ids(JsonNode runners) {
        List<String> out = new ArrayList<>();
        runners.forEach(r -> out.add(r.get("id").asText()));
        return out;
    }
}
