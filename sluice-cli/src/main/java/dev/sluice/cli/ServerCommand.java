package dev.sluice.cli;

import dev.sluice.runner.RunnerAgent;
import dev.sluice.server.Coordinator;
import dev.sluice.server.DatabaseConfig;
import dev.sluice.server.DatabaseUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice server}: the coordinator on an H2 file database in a data directory, or on PostgreSQL
 * ({@code --database-url}). Runners register
 * with the registration token (given, else the one kept in the store: generated on the first start, reset by an administrator).
 */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start the coordinator: projects, pipelines and the GitLab runner API v4 for runners.")
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Database, repositories and logs (default: ~/.sluice/server).")
    Path dataDir;

    @Option(names = "--registration-token", paramLabel = "TOKEN", defaultValue = "${env:SLUICE_REGISTRATION_TOKEN}",
            description = "The token runners register with; it replaces one an administrator reset (default: "
                    + "$SLUICE_REGISTRATION_TOKEN, else the one kept in the store, generated on the first start).")
    String registrationToken;

    @Option(names = "--max-artifact-size", paramLabel = "MB", defaultValue = "100",
            description = "Largest artifacts archive a runner may upload, in MiB (default: ${DEFAULT-VALUE}, GitLab's).")
    long maxArtifactMib;

    @Option(names = "--runner-timeout", paramLabel = "SECONDS", defaultValue = "3600",
            description = "A running job whose runner sends nothing this long fails with runner_system_failure (default: ${DEFAULT-VALUE}).")
    long runnerTimeoutSeconds;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", defaultValue = "${env:SLUICE_DATABASE_URL}",
            description = "The store, e.g. jdbc:postgresql://db.example:5432/sluice (default: $SLUICE_DATABASE_URL, "
                    + "else an H2 database in DIR). DIR still keeps repositories, logs and artifacts.")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", defaultValue = "${env:SLUICE_DATABASE_USER}",
            description = "The database user (default: $SLUICE_DATABASE_USER, else the URL's user= parameter).")
    String databaseUser;

    @Option(names = "--database-password-file", paramLabel = "FILE", defaultValue = "${env:SLUICE_DATABASE_PASSWORD_FILE}",
            description = "A file holding the database password (default: $SLUICE_DATABASE_PASSWORD_FILE, "
                    + "else $SLUICE_DATABASE_PASSWORD, else the URL's password= parameter).")
    Path databasePasswordFile;

    @Option(names = "--embedded-runner", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run jobs in this process too (a shell runner, one job per core), so a pipeline runs with "
                    + "nothing else installed; --no-embedded-runner leaves them to registered runners.")
    boolean embeddedRunner;

    @Option(names = "--demo", paramLabel = "DIR",
            description = "Import DIR (e.g. examples/python-service) as project demo/NAME and run its pipeline at once; "
                    + "a later start with the same DIR runs its current files again.")
    Path demo;

    private final Terminal terminal;

    ServerCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        Coordinator coordinator = start();
        Optional<RunnerAgent> runner = embeddedRunner ? Optional.of(startEmbeddedRunner(coordinator)) : Optional.empty();
        if (demo != null) {
            startDemo(coordinator);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.ifPresent(EmbeddedRunner::stop);
            coordinator.close();
            stopped.countDown();
        }, "sluice-server-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }

    /** Imports the demo directory's files and starts its pipeline; says where to follow it. */
    void startDemo(Coordinator coordinator) {
        Path dir = terminal.workingDir().resolve(demo).normalize();
        String name = String.valueOf(dir.getFileName()).replaceAll("[^A-Za-z0-9._-]", "-");
        long pipeline;
        try {
            Path snapshot = dev.sluice.cli.run.DemoSnapshot.of(dir, dataDir().resolve("demo").resolve(name));
            pipeline = coordinator.startDemo("demo/" + name, snapshot);
        } catch (java.io.IOException | IllegalStateException e) {
            coordinator.close();
            throw new UserError(ExitCodes.FAILURE, "cannot start the demo from " + dir + ": " + e.getMessage());
        }
        terminal.out().println("Demo: project demo/" + name + ", pipeline #" + pipeline + " started.");
        terminal.out().println("  Watch it:  " + coordinator.url() + "/-/pipelines/" + pipeline + "   (web UI: sign in as root)");
        terminal.out().println("  Or ask:    curl -H \"PRIVATE-TOKEN: <root's token>\" " + coordinator.url()
                + "/api/v4/projects/demo%2F" + name + "/pipelines/" + pipeline + "/jobs");
        terminal.out().println("  Its manual deploy gates wait for you: play them on the page (or POST .../jobs/ID/play).");
        terminal.out().flush();
    }

    /** The in-process runner: registered like any other (through the runner API), shell executor. */
    RunnerAgent startEmbeddedRunner(Coordinator coordinator) throws InterruptedException {
        try {
            RunnerAgent agent = EmbeddedRunner.start(coordinator.url(), coordinator.registrationToken(), dataDir().resolve("runner"),
                    VersionProvider.version());
            terminal.out().println("Embedded runner: shell executor, " + Runtime.getRuntime().availableProcessors()
                    + " jobs at once (--no-embedded-runner to leave jobs to registered runners)");
            terminal.out().flush();
            return agent;
        } catch (IllegalStateException e) {
            coordinator.close();
            throw new UserError(ExitCodes.FAILURE, "cannot start the embedded runner: " + e.getMessage());
        }
    }

    /** Opens the store and starts serving; prints where, and how runners register. */
    Coordinator start() {
        if (port < 0 || port > 65535) {
            throw UserError.usage("--port: must be between 0 and 65535");
        }
        if (maxArtifactMib < 1 || runnerTimeoutSeconds < 1) {
            throw UserError.usage("--max-artifact-size and --runner-timeout must be at least 1");
        }
        Path dir = dataDir();
        var settings = new Coordinator.Settings(host, port, dir, registrationToken, Duration.ofSeconds(50),
                maxArtifactMib * 1024 * 1024, Duration.ofSeconds(runnerTimeoutSeconds)).withAdminToken(System.getenv("SLUICE_ADMIN_TOKEN"));
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            settings = settings.withDatabase(database());
        }
        Coordinator coordinator;
        try {
            coordinator = Coordinator.start(settings);
        } catch (DatabaseUnavailable e) {
            throw new UserError(ExitCodes.FAILURE, e.getMessage());
        } catch (RuntimeException e) {
            throw new UserError(ExitCodes.FAILURE, "cannot start the server on " + host + ":" + port + ": " + e.getMessage());
        }
        terminal.out().println("Sluice coordinator at " + coordinator.url() + " (data: " + dir + ")");
        coordinator.registrationTokenNotice().ifPresent(terminal.out()::println);
        terminal.out().println("Register a runner: sluice runner register --url " + coordinator.url() + " --token "
                + coordinator.registrationToken());
        coordinator.generatedAdminToken().ifPresent(admin -> terminal.out().println("First start: user root (administrator) "
                + "has the API token " + admin + "\nand signs in to the web UI with the password "
                + coordinator.generatedRootPassword().orElseThrow()
                + "\nThey are shown only this once: keep them (sluice admin --token, or SLUICE_TOKEN)."));
        terminal.out().flush();
        return coordinator;
    }

    private DatabaseConfig database() {
        if (!databaseUrl.startsWith("jdbc:")) {
            throw UserError.usage("--database-url: a JDBC URL, e.g. jdbc:postgresql://localhost:5432/sluice (got " + databaseUrl + ")");
        }
        String password = System.getenv("SLUICE_DATABASE_PASSWORD");
        if (databasePasswordFile != null) {
            Path file = terminal.workingDir().resolve(databasePasswordFile);
            try {
                password = Files.readString(file).strip();
            } catch (IOException e) {
                throw new UserError(ExitCodes.FAILURE, "--database-password-file: cannot read " + file + ": " + e.getMessage());
            }
        }
        return new DatabaseConfig(databaseUrl, databaseUser, password);
    }

    private Path dataDir() {
        return dataDir != null ? terminal.workingDir().resolve(dataDir) : Path.of(System.getProperty("user.home"), ".sluice", "server");
    }
}
