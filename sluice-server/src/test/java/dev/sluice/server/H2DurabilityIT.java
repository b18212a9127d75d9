package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 store keeps what it committed when the server is killed: a job's end that a runner was told is
 * stored must still be there after {@code kill -9}. A child JVM commits through the stores and halts at once.
 */
class H2DurabilityIT {

    @TempDir
    Path tmp;

    /** The child: opens the store in {@code args[0]}, commits a pipeline's journal entries, then dies without closing. */
    public static void main(String[] args) throws java.sql.SQLException {
        var database = Database.open(DatabaseConfig.h2(Path.of(args[0])));
        long project = new JdbiProjects(database.jdbi).create("app", "app", "/srv/app.git", "main").id();
        var journal = new JdbiPipelineJournal(database.jdbi);
        long pipeline = journal.open(project, "main", "a".repeat(40), "push", "{}");
        // H2's background writer may write a commit's chunk before the committing thread asks for it (then
        // H2GroupCommit finds nothing to write, and the commits after must still be written)
        database.jdbi.useHandle(handle -> {
            journal.append(pipeline, "{\"event\":\"early\"}");
            var session = (org.h2.engine.SessionLocal) handle.getConnection().unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
            session.getDatabase().getStore().getMvStore().commit();
        });
        var transactions = new Transactions(database.jdbi);
        for (int i = 0; i < 20; i++) {
            int event = i;
            transactions.inOne(() -> {
                journal.append(pipeline, "{\"event\":" + event + "}");
                return null;
            });
        }
        System.out.println("committed " + pipeline);
        System.out.flush();
        Runtime.getRuntime().halt(9);
    }

    @Test
    void whatWasCommittedSurvivesAKilledProcess() throws Exception {
        Path data = tmp.resolve("data");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), H2DurabilityIT.class.getName(),
                data.toString())).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor()).as(output).isEqualTo(9);
        assertThat(output).contains("committed 1");

        try (var database = Database.open(DatabaseConfig.h2(data))) {
            assertThat(new JdbiPipelineJournal(database.jdbi).events(1)).as("every committed event, after the kill").hasSize(21);
        }
    }
}
