package dev.sluice.server;

import java.sql.SQLException;
import java.util.Properties;
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
        var credentials = new Properties(); // none given: the URL's own (user=, password=) or the driver's defaults
        if (db.user() != null) {
            credentials.setProperty("user", db.user());
        }
        if (db.password() != null) {
            credentials.setProperty("password", db.password());
        }
        return Jdbi.create(db.url(), credentials);
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
