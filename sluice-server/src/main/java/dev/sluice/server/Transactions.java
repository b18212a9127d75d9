package dev.sluice.server;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * One database transaction around a piece of work: every store statement the work makes on this thread joins it
 * (JDBI hands nested calls the thread's open handle), so the work's writes commit together, once, or not at all.
 * The scheduler runs each pipeline transition in one: its journal entry and the rows it changes are never seen
 * apart, and a transition costs one commit instead of one per statement.
 */
final class Transactions {

    private final Jdbi jdbi;

    Transactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code work} in a transaction; a runtime exception rolls every write back and is rethrown. */
    <T> T inOne(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
