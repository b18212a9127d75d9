package dev.sluice.server;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** Opens the store: runs the Flyway migrations, then hands out JDBI. Nothing here knows which database it is. */
final class Database {

    private Database() {
    }

    static Jdbi open(String jdbcUrl, String user, String password) {
        Flyway.configure().dataSource(jdbcUrl, user, password).load().migrate();
        return Jdbi.create(jdbcUrl, user, password);
    }

    /**
     * The embedded default: an H2 file database in the data directory. DB_CLOSE_DELAY=-1 keeps it open between
     * connections: without it H2 closes and reopens the database whenever the last connection closes, and under load
     * a row another connection had just committed was then missing (a job's foreign key to its new pipeline failed).
     */
    static String h2Url(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sluice") + ";AUTO_SERVER=FALSE;DB_CLOSE_DELAY=-1";
    }
}
