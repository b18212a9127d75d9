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
