package dev.sluice.server;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/**
 * A store test's database: fresh and migrated on {@link TestDatabase}'s engine, closed and dropped again at the
 * test's end. A test class keeps one per test and calls {@link #close} from {@code @AfterEach}.
 */
final class FreshStore implements AutoCloseable {

    private DatabaseConfig config;
    private Database database;

    /** Opens a new database (one per test); its JDBI. */
    Jdbi open(TestDatabase db, Path tmp) {
        config = db.create(tmp);
        database = Database.open(config);
        return database.jdbi;
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
            TestDatabase.drop(config);
        }
    }
}
