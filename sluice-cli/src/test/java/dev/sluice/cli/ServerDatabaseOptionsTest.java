package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sluice server --database-url}: PostgreSQL with a user and a password file, and one clear line when the
 * database cannot be had. Needs the test PostgreSQL that scripts/test.sh starts ({@code SLUICE_TEST_POSTGRES_URL}).
 */
class ServerDatabaseOptionsTest {

    @TempDir
    Path dir;

    @Test
    void servesFromPostgresqlWithAUserAndAPasswordFile() throws Exception {
        String admin = adminUrl();
        String name = "sluice_cli_" + ProcessHandle.current().pid();
        try (var c = DriverManager.getConnection(admin); var s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        Files.writeString(dir.resolve("db-password"), parameter(admin, "password") + "\n");
        var command = new ServerCommand(new Terminal(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter()), dir));
        new CommandLine(command).parseArgs("--port", "0", "--data-dir", "data", "--database-url", base(admin) + name,
                "--database-user", parameter(admin, "user"), "--database-password-file", "db-password");
        try (var coordinator = command.start()) {
            var ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(coordinator.url() + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
        }
        try (var c = DriverManager.getConnection(admin.replace("/postgres?", "/" + name + "?")); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the migrations ran on PostgreSQL, not on H2").isPositive();
        }
        assertThat(dir.resolve("data/sluice.mv.db")).doesNotExist();
        try (var c = DriverManager.getConnection(admin); var s = c.createStatement()) {
            s.execute("drop database " + name + " with (force)");
        }
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndNoStackTrace() {
        CliRun run = CliRun.in(dir, "server", "--port", "0", "--data-dir", "data", "--no-embedded-runner",
                "--database-url", "jdbc:postgresql://127.0.0.1:1/sluice?password=secret");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("sluice: error: cannot open the database jdbc:postgresql://127.0.0.1:1/sluice: ")
                .contains("Connection").doesNotContain("secret").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordSaysSo() throws Exception {
        Files.writeString(dir.resolve("db-password"), "not-the-password\n");
        String admin = adminUrl();
        CliRun run = CliRun.in(dir, "server", "--port", "0", "--data-dir", "data", "--no-embedded-runner",
                "--database-url", base(admin) + "postgres", "--database-user", parameter(admin, "user"),
                "--database-password-file", "db-password");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("password authentication failed").doesNotContain("not-the-password").doesNotContain("\tat ");
    }

    @Test
    void aUrlThatIsNotJdbcIsAUsageError() {
        CliRun run = CliRun.in(dir, "server", "--port", "0", "--data-dir", "data", "--database-url", "postgres://db/sluice");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--database-url: a JDBC URL");
    }

    private static String adminUrl() {
        String url = System.getenv("SLUICE_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new AssertionError("SLUICE_TEST_POSTGRES_URL is not set: install postgresql and run scripts/test.sh "
                    + "(it starts a private cluster), or eval \"$(scripts/postgres-test-env.sh start)\" first");
        }
        return url;
    }

    /** {@code jdbc:postgresql://host:port/} */
    private static String base(String url) {
        return url.replaceFirst("^(jdbc:postgresql://[^/]+/).*", "$1");
    }

    private static String parameter(String url, String name) {
        var m = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url);
        assertThat(m.find()).as(name + " in " + url).isTrue();
        return m.group(1);
    }
}
