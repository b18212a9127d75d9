package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} CLI as a person runs it against the coordinator, isolated from the machine's git
 * configuration and never prompting; also the users and tokens the tests sign in with.
 */
final class GitClient {

    /** What a git command printed (stdout and stderr together) and how it ended. */
    record Result(int exit, String output) {
        Result ok() {
            assertThat(exit).as(output).isZero();
            return this;
        }

        Result refused() {
            assertThat(exit).as(output).isNotZero();
            return this;
        }
    }

    private final Path home;

    GitClient(Path home) {
        this.home = home;
    }

    Result run(Path dir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=Ada", "-c", "user.email=ada@example.com"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        var env = builder.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.remove("GIT_ASKPASS");
        env.remove("SSH_ASKPASS");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("these tests need the git CLI on the PATH (apt-get install git)", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("git " + args[0] + " did not end: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    /** The project's clone URL with a user name and token as HTTP basic credentials. */
    static String url(Coordinator server, String user, String token, String projectPath) {
        return server.url().replace("http://", "http://" + user + ":" + token + "@") + "/" + projectPath + ".git";
    }

    /** A new user with a token of these scopes; returns {user id, token}. */
    static String[] user(Coordinator server, String username, String... scopes) throws Exception {
        var created = Rest.ok(201, Http.api("POST", server.url() + "/api/v4/users", "{\"username\":\"" + username + "\"}"));
        long id = created.get("id").asLong();
        var token = Rest.ok(201, Http.api("POST", server.url() + "/api/v4/users/" + id + "/personal_access_tokens",
                CoordinatorIT.JSON.writeValueAsString(java.util.Map.of("name", "git", "scopes", List.of(scopes),
                        "expires_at", LocalDate.now().plusDays(30).toString()))));
        return new String[] {Long.toString(id), token.get("token").asText()};
    }

    /** Adds the user to the project as root. */
    static void member(Coordinator server, long project, String userId, int accessLevel) throws Exception {
        Rest.ok(201, Http.api("POST", server.url() + "/api/v4/projects/" + project + "/members",
                "{\"user_id\":" + userId + ",\"access_level\":" + accessLevel + "}"));
    }
}
