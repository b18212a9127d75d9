package dev.sluice.server;

/** The store could not be opened: unreachable, wrong credentials, or a migration it rejected. A user's problem. */
public final class DatabaseUnavailable extends RuntimeException {

    DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
