package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.server.Coordinator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice admin} against a real coordinator over loopback. */
class AdminCommandTest {

    private static final String ROOT = "glpat-cli-test-admin-token";

    @TempDir
    Path dir;
    Coordinator server;

    @BeforeEach
    void start() {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, dir.resolve("data"), "reg", Duration.ofSeconds(5))
                .withAdminToken(ROOT));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun admin(String token, String... args) {
        var all = new java.util.ArrayList<>(java.util.List.of("admin", "--url", server.url(), "--token", token));
        all.addAll(java.util.List.of(args));
        return CliRun.in(dir, all.toArray(String[]::new));
    }

    @Test
    void anAdminCreatesAUserAndATokenTheUserThenWorksWith() {
        var created = admin(ROOT, "user", "create", "alice", "--email", "alice@example.com");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created user alice (id 2)");

        var token = admin(ROOT, "token", "create", "alice", "--name", "laptop", "--expires", LocalDate.now().plusDays(7).toString());
        assertThat(token.exitCode()).as(token.err()).isZero();
        var matcher = Pattern.compile("(?s)\\(id (\\d+)\\).*\\n(glpat-\\S+)").matcher(token.out());
        assertThat(matcher.find()).as(token.out()).isTrue();
        String id = matcher.group(1);
        String secret = matcher.group(2);

        var list = admin(secret, "user", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("USERNAME").containsPattern("1 +root +Administrator +yes").containsPattern("2 +alice +alice +no");

        var refused = admin(secret, "user", "create", "bob");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("administrators only", "needs an administrator's token").doesNotContain("\tat ");

        assertThat(admin(ROOT, "token", "revoke", id).out()).contains("Revoked token " + id);
        var revoked = admin(secret, "user", "list");
        assertThat(revoked.exitCode()).isEqualTo(1);
        assertThat(revoked.err()).contains("refused the token (401 Unauthorized)");
    }

    @Test
    void passwordsFromFilesLetTheUserSignInToTheWebUi() throws Exception {
        var file = java.nio.file.Files.writeString(dir.resolve("pw"), "first-password\n");
        var created = admin(ROOT, "user", "create", "carol", "--password-file", file.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(signIn("carol", "first-password")).as("the final newline is not part of the password").isEqualTo(303);

        java.nio.file.Files.writeString(file, "second-password");
        var changed = admin(ROOT, "user", "password", "carol", "--password-file", file.toString());
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("Set the password of carol");
        assertThat(signIn("carol", "first-password")).isEqualTo(401);
        assertThat(signIn("carol", "second-password")).isEqualTo(303);

        java.nio.file.Files.writeString(file, "short");
        var tooShort = admin(ROOT, "user", "password", "carol", "--password-file", file.toString());
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.err()).contains("password is too short (minimum is 8 characters)").doesNotContain("\tat ");
        var missing = admin(ROOT, "user", "password", "carol", "--password-file", dir.resolve("nope").toString());
        assertThat(missing.err()).contains("--password-file: cannot read");
        assertThat(admin(ROOT, "user", "password", "nobody", "--password-file", file.toString()).err())
                .contains("no user named 'nobody'");
    }

    private int signIn(String username, String password) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/-/sign_in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void mistakesGetOneClearLine() {
        var wrong = admin("glpat-not-a-token", "user", "list");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("check --token or SLUICE_TOKEN").doesNotContain("Exception");

        var unknownUser = admin(ROOT, "token", "create", "nobody", "--name", "x");
        assertThat(unknownUser.err()).contains("no user named 'nobody'");
        assertThat(admin(ROOT, "user", "create", "root").err()).contains("Username has already been taken");
        assertThat(admin(ROOT, "token", "create", "root", "--name", "x", "--scope", "everything").err()).contains("scopes must name");
        assertThat(admin(ROOT, "token", "create", "root", "--name", "x", "--expires", "tomorrow").exitCode()).isEqualTo(2);

        var unreachable = CliRun.in(dir, "admin", "--url", "http://127.0.0.1:1", "--token", ROOT, "user", "list");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot reach the Sluice server at http://127.0.0.1:1").doesNotContain("Exception");
    }

    @Test
    void aMissingTokenOrCommandIsAUsageError() {
        // SLUICE_TOKEN would supply the token: this test needs it unset.
        assertThat(System.getenv("SLUICE_TOKEN")).as("SLUICE_TOKEN must not be set when running the tests").isNull();
        var noToken = CliRun.in(dir, "admin", "--url", server.url(), "user", "list");
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("missing --token (or SLUICE_TOKEN)");
        assertThat(CliRun.in(dir, "admin").err()).contains("missing command: user or token");
    }
}
