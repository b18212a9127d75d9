package dev.sluice.server;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the store tests run against, each test on a fresh, empty one: H2 in a temporary directory, and a
 * real PostgreSQL whose admin URL {@code SLUICE_TEST_POSTGRES_URL} names (scripts/test.sh starts a private cluster
 * and sets it). Without that variable the PostgreSQL tests fail, saying so: they never skip.
 */
enum TestDatabase {
    H2, POSTGRESQL;

    static final String ADMIN_URL_VARIABLE = "SLUICE_TEST_POSTGRES_URL";
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A new empty database (H2: under {@code tmp}; PostgreSQL: CREATE DATABASE on the test cluster). */
    DatabaseConfig create(Path tmp) {
        String name = "sluice_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        return switch (this) {
            case H2 -> DatabaseConfig.h2(tmp.resolve(name));
            case POSTGRESQL -> {
                String admin = adminUrl();
                try (var c = DriverManager.getConnection(admin); var s = c.createStatement()) {
                    s.execute("create database " + name);
                } catch (SQLException e) {
                    throw new AssertionError("cannot create a test database on " + admin + ": " + e.getMessage(), e);
                }
                yield new DatabaseConfig(admin.replaceFirst("^(jdbc:postgresql://[^/]+/).*", "$1" + name),
                        adminParameter("user"), adminParameter("password"));
            }
        };
    }

    /** Drops a database {@link #create} made on PostgreSQL, so a reused cluster does not fill up; H2's goes with its tmp. */
    static void drop(DatabaseConfig db) {
        if (db.url().startsWith("jdbc:postgresql:")) {
            String name = db.url().replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*", "$1");
            try (var c = DriverManager.getConnection(adminUrl()); var s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                throw new AssertionError("cannot drop the test database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /** The admin URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=sluice&password=...}. */
    static String adminUrl() {
        String url = System.getenv(ADMIN_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new AssertionError(ADMIN_URL_VARIABLE + " is not set: the store tests need a real PostgreSQL. "
                    + "Install postgresql and run scripts/test.sh (it starts a private cluster), "
                    + "or eval \"$(scripts/postgres-test-env.sh start)\" before ./mvnw verify");
        }
        return url;
    }

    /** A URL parameter of the admin URL (user, password). */
    static String adminParameter(String name) {
        var m = java.util.regex.Pattern.compile("[?&]" + name + "=([^&]*)").matcher(adminUrl());
        if (!m.find()) {
            throw new AssertionError(ADMIN_URL_VARIABLE + " has no " + name + " parameter: " + adminUrl());
        }
        return m.group(1);
    }
}
