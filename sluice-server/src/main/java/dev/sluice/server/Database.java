package dev.sluice.server;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/** Opens the store: runs the Flyway migrations, then hands out JDBI. Nothing here knows which database it is. */
final class Database {

    private Database() {
    }

    /** @throws DatabaseUnavailable saying what the database answered, when it cannot be reached or migrated */
    static Jdbi open(DatabaseConfig db) {
        try {
            Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
        } catch (FlywayException e) {
            throw new DatabaseUnavailable("cannot open the database " + db.displayUrl() + ": " + reason(e), e);
        }
        return Jdbi.create(db.url(), db.user(), db.password());
    }

    /** The innermost SQL error's message (e.g. "Connection refused", "password authentication failed"), else Flyway's. */
    static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason == null ? e.getClass().getSimpleName() : reason.lines().findFirst().orElse(reason).strip();
    }
}
