package dev.sluice.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The open store: a connection pool, migrated by Flyway, and JDBI over it. The pool matters for PostgreSQL, where
 * a connection costs a TCP handshake and a SCRAM exchange, and keeps an embedded H2 open instead of reopening its
 * file for each statement. An embedded H2 also gets {@link H2GroupCommit}, so that its commits are durable.
 */
final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    final Jdbi jdbi;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** @throws DatabaseUnavailable saying what the database answered, when it cannot be reached or migrated */
    static Database open(DatabaseConfig db) {
        var config = new HikariConfig();
        config.setPoolName("sluice-db");
        config.setJdbcUrl(db.url());
        config.setUsername(db.user()); // null: the URL's user= parameter, else the driver's default
        config.setPassword(db.password());
        config.setConnectionTimeout(5_000); // so /-/ready answers 503 within seconds when the database is gone
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            Flyway.configure().dataSource(pool).load().migrate();
            var database = new Database(pool);
            H2GroupCommit.install(database.jdbi, pool);
            return database;
        } catch (RuntimeException | SQLException e) {
            if (pool != null) {
                pool.close();
            }
            throw new DatabaseUnavailable("cannot open the database " + db.displayUrl() + ": " + reason(e), e);
        }
    }

    /** The innermost SQL error's message (e.g. "Connection refused", "password authentication failed"), else the error's. */
    static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason == null ? e.getClass().getSimpleName() : reason.lines().findFirst().orElse(reason).strip();
    }

    @Override
    public void close() {
        pool.close();
    }
}
