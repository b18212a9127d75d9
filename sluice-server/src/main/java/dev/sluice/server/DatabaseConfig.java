package dev.sluice.server;

import java.nio.file.Path;

/**
 * Where the store lives: a JDBC URL with its credentials. The embedded default is an H2 file database in the
 * data directory; {@code jdbc:postgresql://...} serves several coordinators over one database.
 *
 * @param user null: the URL's {@code user=} parameter, else the driver's default
 * @param password null: the URL's {@code password=} parameter, else none
 */
public record DatabaseConfig(String url, String user, String password) {

    /**
     * The embedded default: an H2 file database in the data directory. H2 keeps no redo log and writes committed
     * changes to its file every half second, so a killed server would forget what it had already told a runner (a
     * job's end, a job handed out): {@link H2GroupCommit} writes them before the store call returns. (An
     * operating-system crash can still lose what the kernel had not written to disk.)
     */
    public static DatabaseConfig h2(Path dataDir) {
        return new DatabaseConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sluice")
                + ";AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=128", "sa", "");
    }

    /** The URL without its parameters, which may hold a password: safe to print. */
    public String displayUrl() {
        return url.replaceFirst("[?;].*", "");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + displayUrl() + ", user " + user + "]";
    }
}
