package dev.sluice.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Durable commits for the embedded H2, shared by the commits that happen together. H2 keeps no redo log: a commit
 * lives in memory until the store writes a chunk to its file, by default every half second. Writing a chunk at
 * each commit ({@code WRITE_DELAY=0}) costs a chunk of 17-20 KB per commit, and H2 keeps every chunk written in
 * the last 45 seconds (its retention time, so that a power cut cannot leave the file pointing at overwritten
 * chunks): at a thousand commits a second the file grew by gigabytes, and without the background writer nothing
 * compacted it either.
 * <p>
 * Instead H2 keeps its background writer (housekeeping and compaction included), and a JDBI handle that wrote
 * does not return to its caller until what it committed is in the file: one thread writes a chunk for every
 * commit made so far while the others that committed meanwhile wait for that chunk rather than writing their own.
 * So a store call still returns only once its writes survive a killed process, as before.
 */
final class H2GroupCommit implements HandleListener, StatementCustomizer {

    private final MVStore store;
    /** Connections (of open handles) that executed a statement changing rows since their handle opened. */
    private final Set<Connection> wrote = ConcurrentHashMap.newKeySet();
    private final ReentrantLock writing = new ReentrantLock();
    /**
     * Every change committed before the store's version was read as at most this is in the file: a chunk that began
     * when the version was {@code v} (and moved it to {@code v + 1}) has been written.
     */
    private volatile long durable = -1;

    private H2GroupCommit(MVStore store) {
        this.store = store;
    }

    /** Makes {@code jdbi}'s writes durable before their handle closes, when {@code pool} is an embedded H2 file database. */
    static void install(Jdbi jdbi, DataSource pool) throws SQLException {
        MVStore store;
        try (Connection connection = pool.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return; // not H2, or an H2 server over TCP: its own settings decide
            }
            store = session.getDatabase().getStore().getMvStore();
        }
        if (store.getFileStore() == null) {
            return; // in memory: nothing to write
        }
        var commits = new H2GroupCommit(store);
        jdbi.getConfig(SqlStatements.class).addCustomizer(commits);
        jdbi.getConfig(Handles.class).addListener(commits);
        commits.awaitDurable(store.getCurrentVersion()); // the migrations
    }

    /** Anything but a query may have changed rows (Sluice's statements are plain SQL text, each starting with its verb). */
    @Override
    public void afterExecution(PreparedStatement statement, StatementContext ctx) {
        String sql = ctx.getRenderedSql().stripLeading();
        if (!sql.regionMatches(true, 0, "select", 0, 6)) {
            wrote.add(ctx.getConnection());
        }
    }

    @Override
    public void handleClosed(Handle handle) {
        if (wrote.remove(handle.getConnection())) {
            awaitDurable(store.getCurrentVersion());
        }
    }

    /** Returns once every change committed before the store's version passed {@code committed} is in the file. */
    private void awaitDurable(long committed) {
        if (durable >= committed) {
            return;
        }
        writing.lock();
        try {
            if (durable >= committed || store.isClosed()) {
                return; // another thread's chunk took this commit along
            }
            long version = store.getCurrentVersion();
            // commit() writes a chunk of everything changed so far (a chunk begins by moving the version on), after
            // the chunks queued before it. It writes none when nothing changed since the last chunk: that chunk may be
            // the background writer's, still queued for the file, and changes made from now on still carry `version`.
            if (store.commit() >= 0) {
                durable = version;
            } else {
                store.executeFilestoreOperation(() -> { });
                durable = version - 1;
            }
        } finally {
            writing.unlock();
        }
    }
}
