package dev.sluice.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.VersionInfo;
import dev.sluice.runner.RunnerAgent;
import dev.sluice.runner.RunnerConfig;
import dev.sluice.runner.RunnerEntry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The REST API as a person's client calls it: every non-runner call of the tests goes through
 * {@link #call}, so authentication is added in one place. Also a project fixture, a fake runner's
 * job request and a real shell runner.
 */
final class Rest {

    private Rest() {
    }

    /** @param path under {@code /api/v4}; {@code json} may be null */
    static HttpResponse<String> call(Coordinator server, String method, String path, String json) throws Exception {
        return json == null
                ? Http.api(method, server.url() + "/api/v4" + path, null)
                : Http.api(method, server.url() + "/api/v4" + path, json, "Content-Type", "application/json");
    }

    /** The call's JSON answer, after checking its status. */
    static JsonNode ok(int status, HttpResponse<String> response) throws Exception {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
        return CoordinatorIT.json(response.body());
    }

    /**
     * A project imported from a fresh repository with this configuration on {@code main} and on each
     * further branch given; returns its id.
     */
    static long project(Coordinator server, Path tmp, String name, String ciYaml, String... branches) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo-" + name));
        CoordinatorIT.git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), ciYaml);
        CoordinatorIT.git(repo, "add", ".");
        CoordinatorIT.git(repo, "commit", "-q", "-m", "init");
        for (String branch : branches) {
            CoordinatorIT.git(repo, "branch", branch);
        }
        return ok(201, call(server, "POST", "/projects",
                CoordinatorIT.JSON.writeValueAsString(java.util.Map.of("name", name, "import_url", repo.toString()))))
                .get("id").asLong();
    }

    /** Creates a pipeline and checks it was not refused (a bad configuration still gives 201, failed). */
    static long pipeline(Coordinator server, long project, String ref) throws Exception {
        var created = ok(201, call(server, "POST", "/projects/" + project + "/pipeline?ref=" + ref, null));
        if (created.get("status").asText().equals("failed")) {
            throw new AssertionError("pipeline failed on creation: " + created);
        }
        return created.get("id").asLong();
    }

    /** The job of the pipeline named {@code name}, from the REST API, once it has {@code status}. */
    static JsonNode awaitJob(Coordinator server, long project, long pipeline, String name, String status) throws Exception {
        JsonNode[] found = new JsonNode[1];
        Http.await("job " + name + " to be " + status, () -> {
            try {
                for (JsonNode job : ok(200, call(server, "GET", "/projects/" + project + "/pipelines/" + pipeline + "/jobs", null))) {
                    if (job.get("name").asText().equals(name) && job.get("status").asText().equals(status)) {
                        found[0] = job;
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return found[0];
    }

    /** Registers a runner (runner API) with these extra JSON fields; returns {id, token}. */
    static JsonNode runner(Coordinator server, String extraJson) throws Exception {
        return ok(201, Http.send("POST", server.url() + "/api/v4/runners",
                "{\"token\":\"reg-token\"" + (extraJson.isEmpty() ? "" : "," + extraJson) + "}"));
    }

    /**
     * A real runner agent with the shell executor for a runner registered as {@code registered} ({id, token}),
     * running up to {@code concurrent} jobs, working in {@code dir}; started. The caller shuts it down.
     */
    static RunnerAgent shellRunner(Coordinator server, JsonNode registered, int concurrent, Path dir) throws Exception {
        var config = new RunnerConfig(concurrent, Duration.ofMillis(50), Duration.ofSeconds(5), List.of(RunnerEntry.of(server.url(),
                registered.get("id").asLong(), registered.get("token").asText(), "shell")));
        var agent = new RunnerAgent(config, RunnerAgent.Options.defaults(dir, VersionInfo.sluice("0.1.0", "shell", "bash"),
                "s_0123456789ab", e -> { }));
        agent.start();
        return agent;
    }

    /** A job payload for this runner token, or null when the queue has none it may run. */
    static JsonNode take(Coordinator server, String runnerToken) throws Exception {
        var r = Http.send("POST", server.url() + "/api/v4/jobs/request", "{\"token\":\"" + runnerToken + "\"}");
        if (r.statusCode() == 204) {
            return null;
        }
        return ok(201, r);
    }

    /** The value the runner ends up with: the last occurrence of the key in the payload, or null. */
    static JsonNode variable(JsonNode payload, String key) {
        JsonNode found = null;
        for (JsonNode v : payload.get("variables")) {
            if (v.get("key").asText().equals(key)) {
                found = v;
            }
        }
        return found;
    }
}
