package dev.unmanaged.inventory.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a commit of the store reach the database file before the store acknowledges it, so that an outcome the
 * library reports as done survives a crash of the process.
 *
 * <p>PostgreSQL does so by default ({@code synchronous_commit = on}: the commit waits until its WAL record is flushed
 * to disk), so nothing is done there. An H2 file database does not: its MVStore keeps committed changes in memory
 * and writes them from a background thread up to {@code WRITE_DELAY} (500 ms) later, so a process killed just after
 * a commit loses it. On an embedded H2 database each writing transaction therefore waits, after its commit, for
 * an {@link H2GroupCommit} that writes it out together with the transactions committing beside it; H2's own
 * background writer keeps H2's default delay. An H2 database reached through an H2 server gets {@code WRITE_DELAY 0}
 * instead (H2 then writes each ending transaction itself). H2 does not force the file to the device on a commit, so
 * on power loss the commits of the last moments may still be lost; the file stays consistent (its chunks carry
 * checksums). A URL that sets {@code WRITE_DELAY} itself is left as the embedder chose it, without either.
 *
 * <p>A store opened with the URL of an embedded H2 file keeps a {@link RedoJournal} besides, which acknowledges units
 * of work without waiting for H2; the group commit then serves only the writes the journal does not hold.
 */
final class CommitDurability {
    private static final Logger LOG = LoggerFactory.getLogger(CommitDurability.class);
    /** H2's own default: its background writer also compacts the file, which it does not do at 0. */
    private static final int H2_DEFAULT_WRITE_DELAY = 500;
    /**
     * The most an H2 page holds before it is split, where the URL does not say (H2's own is 4 KiB). A durable write
     * stores every page a commit changed in full, and imports change pages of random-keyed indexes that commits
     * seldom share: smaller pages halved the CPU time durability costs an import (docs/performance.md).
     */
    static final int H2_PAGE_SIZE = 1024;
    private static final CommitDurability BY_THE_DATABASE = new CommitDurability(null);

    /** Null when the database makes each commit durable itself (or the embedder chose otherwise). */
    private final H2GroupCommit groupCommit;

    private CommitDurability(H2GroupCommit groupCommit) {
        this.groupCommit = groupCommit;
    }

    /**
     * Finds how commits of {@code dataSource}'s database are made durable, and sets the database up for it.
     *
     * @param jdbcUrl the URL the data source was opened with, when known: H2 reports its URL without the settings
     */
    static CommitDurability ensure(DataSource dataSource, String jdbcUrl, String shown) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String url = String.valueOf(connection.getMetaData().getURL());
            if (!"H2".equalsIgnoreCase(product) || url.startsWith("jdbc:h2:mem:")) {
                return BY_THE_DATABASE;
            }
            if (setsWriteDelay(jdbcUrl) || setsWriteDelay(configuredUrl(dataSource))) {
                LOG.debug("inventory database at {} keeps the WRITE_DELAY its URL sets", shown);
                return BY_THE_DATABASE;
            }
            boolean embedded = embedded(connection);
            try (Statement statement = connection.createStatement()) {
                // Persistent in the database: a file written by an older version may still hold 0.
                statement.execute("SET WRITE_DELAY " + (embedded ? H2_DEFAULT_WRITE_DELAY : 0));
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return embedded ? new CommitDurability(new H2GroupCommit()) : BY_THE_DATABASE;
        } catch (SQLException e) {
            LOG.warn("inventory database at {}: cannot make commits durable before they are acknowledged"
                    + " (setting it up failed with SQLState {}); a crash may lose the last half second of commits",
                    shown, e.getSQLState());
            return BY_THE_DATABASE;
        }
    }

    /** {@code jdbcUrl} with {@link #H2_PAGE_SIZE} added when it opens an embedded H2 file database without one. */
    static String withPageSize(String jdbcUrl) {
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        boolean embeddedFile = upper.startsWith("JDBC:H2:") && !upper.startsWith("JDBC:H2:MEM:")
                && !upper.startsWith("JDBC:H2:TCP:") && !upper.startsWith("JDBC:H2:SSL:")
                && !upper.startsWith("JDBC:H2:ZIP:");
        return embeddedFile && !upper.contains(";PAGE_SIZE=") ? jdbcUrl + ";PAGE_SIZE=" + H2_PAGE_SIZE : jdbcUrl;
    }

    static boolean setsWriteDelay(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=");
    }

    /** The URL a caller's data source was configured with, where its kind tells it; else null. */
    private static String configuredUrl(DataSource dataSource) throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            return hikari.getJdbcUrl();
        }
        try {
            return dataSource.isWrapperFor(JdbcDataSource.class) ? dataSource.unwrap(JdbcDataSource.class).getURL()
                    : null;
        } catch (LinkageError e) {
            return null;
        }
    }

    private static boolean embedded(Connection connection) throws SQLException {
        try {
            return H2GroupCommit.supports(connection);
        } catch (LinkageError e) {
            // H2's classes are not visible to this module (e.g. a driver loaded by another class loader).
            LOG.debug("H2's engine is not reachable from the store ({}); H2 writes each commit itself", e.toString());
            return false;
        }
    }

    /** A writing transaction starts. */
    void started() {
        if (groupCommit != null) {
            groupCommit.started();
        }
    }

    /** A writing transaction that {@link #started()} has committed on {@code connection}: waits until durable. */
    void committed(Connection connection) throws SQLException {
        if (groupCommit != null) {
            groupCommit.awaitWritten(connection);
        }
    }

    /** Whether commits are written out by the store's group commit: the redo journal can then stand for them. */
    boolean writesInGroups() {
        return groupCommit != null;
    }

    /** Commits the writing transaction that {@link #started()} on {@code connection}; returns once durable. */
    void commitAndAwait(Connection connection) throws SQLException {
        boolean done = false;
        try {
            connection.commit();
            done = true;
        } finally {
            if (!done) {
                abandoned();
            }
        }
        committed(connection);
    }

    /** Returns once every commit made so far on {@code connection}'s database is in its file. */
    void writeOut(Connection connection) throws SQLException {
        started();
        committed(connection);
    }

    /** The store closes. */
    void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
    }

    /** A writing transaction that {@link #started()} ended without a commit. */
    void abandoned() {
        if (groupCommit != null) {
            groupCommit.abandoned();
        }
    }
}
