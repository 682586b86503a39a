package dev.unmanaged.inventory.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a commit of the store written to the database file before {@code commit()} returns, so that an outcome the
 * library reports as done survives a crash of the process.
 *
 * <p>PostgreSQL does so by default ({@code synchronous_commit = on}: the commit waits until its WAL record is flushed
 * to disk), so nothing is changed there. An H2 file database does not: its MVStore keeps committed changes in memory
 * and writes them from a background thread up to {@code WRITE_DELAY} (500 ms) later, so a process killed just after a
 * commit loses it. With {@code WRITE_DELAY} 0, H2 writes the changes of every transaction that ends (one chunk
 * appended to the file) before the commit returns. H2 does not force the file to the device on each commit, so on
 * power loss the commits of the last moments may still be lost; the file itself stays consistent (its chunks carry
 * checksums). The setting is persistent in the database; a URL that sets {@code WRITE_DELAY} itself is left as the
 * embedder chose it.
 */
final class CommitDurability {
    private static final Logger LOG = LoggerFactory.getLogger(CommitDurability.class);

    private CommitDurability() {
    }

    /** Sets up {@code dataSource}'s database so that every commit is written before it returns, where it is not. */
    static void ensure(DataSource dataSource, String shown) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String url = String.valueOf(connection.getMetaData().getURL());
            if (!"H2".equalsIgnoreCase(product) || url.startsWith("jdbc:h2:mem:")) {
                return;
            }
            if (url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
                LOG.debug("inventory database at {} keeps the WRITE_DELAY its URL sets", shown);
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            LOG.warn("inventory database at {}: cannot make commits durable before they are acknowledged"
                    + " (SET WRITE_DELAY 0 failed with SQLState {}); a crash may lose the last half second of commits",
                    shown, e.getSQLState());
        }
    }
}
