package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.error.StoreFailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's own redo journal for an embedded H2 file database: a unit of work is acknowledged once its write
 * statements are appended to a small file beside the database ({@code NAME.redo} beside {@code NAME.mv.db}), so
 * H2 keeps writing its database file in the background (every 500 ms) instead of once per acknowledgement.
 *
 * <p>Commit order is journal order: under one lock a unit takes the next sequence number, records it in the
 * database's {@code redo_journal_state} row inside its own transaction, commits and appends its record. A stored
 * database therefore names the last record it holds, and on open every later complete record is replayed, in
 * order, one transaction each; the database is then written out and the journal emptied. The same happens when
 * the journal grows past {@link #MAX_LENGTH}, and when the store closes (the file is then deleted).
 *
 * <p>A unit whose recording the journal cannot stand for (see {@link UnitRecording#replaysAfter}), and every write
 * outside a unit of work (the catalog's), is committed and written to the database file under the same lock, as
 * without the journal; so no journaled unit ever depends on a commit that a crash could lose.
 */
final class RedoJournal {
    private static final Logger LOG = LoggerFactory.getLogger(RedoJournal.class);
    /** When the journal has grown past this, the database is written out and the journal emptied. */
    static final long MAX_LENGTH = 8L << 20;
    /** Journal files open in this process: a second store on the same database runs without one. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final String SET_LAST_SEQUENCE = "UPDATE redo_journal_state SET last_sequence = ? WHERE id = 1";

    private final JournalFile file;
    private final DataSource dataSource;
    private final CommitDurability durability;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * The statement that records a unit's sequence number, prepared once per pooled database connection (guarded by
     * {@link #lock}): the pool closes the statements it hands out when their connection goes back, and H2's cache of
     * parsed statements (8 per connection) is too small to keep it, so preparing it per unit parsed it every time.
     */
    private final Map<Connection, PreparedStatement> positionUpdates = new IdentityHashMap<>();
    private final long maxLength;
    private long lastSequence;
    private volatile long commits;
    /** False once an append failed: from then on every commit is written to the database file. */
    private boolean appending = true;
    private boolean closed;

    private RedoJournal(JournalFile file, DataSource dataSource, CommitDurability durability, long lastSequence,
            long maxLength) {
        this.file = file;
        this.dataSource = dataSource;
        this.durability = durability;
        this.lastSequence = lastSequence;
        this.maxLength = maxLength;
    }

    /** The journal file of the embedded H2 file database {@code jdbcUrl} opens; empty for any other URL. */
    static Optional<Path> fileFor(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (name.regionMatches(true, 0, "file:", 0, 5)) {
            name = name.substring(5);
        } else if (name.matches("(?s)[A-Za-z]{2,}:.*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio:, ... (a single letter is a Windows drive)
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        Path base = Path.of(name).toAbsolutePath().normalize();
        return Optional.of(base.resolveSibling(base.getFileName() + ".redo"));
    }

    /**
     * Whether a store that opens {@code jdbcUrl} may keep a journal: not where other processes may write to the
     * database through H2's automatic server, without one.
     */
    static boolean allowedFor(String jdbcUrl) {
        return !jdbcUrl.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE");
    }

    /**
     * Replays what {@code contents} holds beyond the database's last journaled unit, writes the database out and
     * starts an empty journal at {@code path}; null when another store of this process holds that journal.
     *
     * @param contents the journal as it was before the database was opened (see {@link JournalFile#read})
     * @throws RedoJournalException when the journal belongs to another database, or a record cannot be replayed
     *     exactly (the journal is then left as it is)
     */
    static RedoJournal open(Path path, Optional<JournalFile.Contents> contents, DataSource dataSource,
            CommitDurability durability) {
        return open(path, contents, dataSource, durability, MAX_LENGTH);
    }

    /** As {@link #open(Path, Optional, DataSource, CommitDurability)}, emptied past {@code maxLength} bytes. */
    static RedoJournal open(Path path, Optional<JournalFile.Contents> contents, DataSource dataSource,
            CommitDurability durability, long maxLength) {
        if (!OPEN.add(path)) {
            LOG.debug("the redo journal {} is held by another store of this process; commits are written directly",
                    path);
            return null;
        }
        try (Connection connection = dataSource.getConnection()) {
            String databaseId = databaseId(connection);
            long last = lastSequence(connection);
            if (contents.isPresent()) {
                last = replay(path, contents.get(), databaseId, last, connection);
            }
            durability.writeOut(connection);
            return new RedoJournal(JournalFile.create(path, databaseId), dataSource, durability, last, maxLength);
        } catch (SQLException | IOException | RuntimeException e) {
            OPEN.remove(path);
            if (e instanceof StoreFailureException failure) {
                throw failure;
            }
            throw new StoreFailureException("the inventory's redo journal " + path + " could not be set up: "
                    + (e instanceof SQLException sql ? SqlErrors.reason(sql) : e.getClass().getSimpleName()), e);
        }
    }

    /** The store's count of write commits so far; see {@link RecordingConnection#wrap}. */
    long commits() {
        return commits;
    }

    /**
     * Commits the writing transaction on {@code connection} and returns once it survives a crash of the process:
     * appended to the journal when {@code recording} can stand for it, else written to the database file.
     *
     * <p>A unit of work is not counted among the transactions the group commit waits for ({@link
     * CommitDurability#started()}) until it is known to need it: a journaled unit never does, and counting each one
     * in and out took a contended monitor twice per unit.
     *
     * @param recording the unit's recording; null for a write outside a unit of work, which the caller has
     *     {@link CommitDurability#started() started}
     */
    void commit(Connection connection, UnitRecording recording) throws SQLException {
        if (recording != null && recording.journalable() && recording.isEmpty()) {
            connection.commit();
            return;
        }
        RecordBuffer record = recording != null && recording.journalable()
                ? JournalFile.encode(recording.statements()) : null;
        lock.lock();
        try {
            if (record == null || !appending || closed || !recording.replaysAfter(commits)) {
                if (recording != null) {
                    durability.started();
                }
                durability.commitAndAwait(connection);
                commits++;
                return;
            }
            long sequence = lastSequence + 1;
            setLastSequence(positionUpdate(connection), sequence);
            connection.commit();
            commits++;
            lastSequence = sequence;
            try {
                file.append(sequence, record);
            } catch (IOException e) {
                appending = false;
                LOG.warn("cannot append to the redo journal {} ({}); commits are written to the database file from"
                        + " now on", file.path(), e.toString());
                durability.writeOut(connection);
                return;
            }
            if (file.length() > maxLength) {
                writeOutAndClear(connection);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the database out and deletes the journal; called when the store closes. When that fails, the journal
     * stays, to be replayed when the database is opened next.
     */
    void close() {
        lock.lock();
        if (closed) {
            lock.unlock();
            return;
        }
        closed = true;
        closePositionUpdates();
        try (Connection connection = dataSource.getConnection()) {
            durability.writeOut(connection);
            file.close();
            Files.delete(file.path());
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("the redo journal {} is kept: the database could not be written out on close ({});"
                    + " it is replayed when the inventory opens next", file.path(), e.toString());
            try {
                file.close();
            } catch (IOException again) {
                LOG.debug("closing the redo journal failed", again);
            }
        } finally {
            OPEN.remove(file.path());
            lock.unlock();
        }
    }

    /**
     * The sequence-number update prepared on the database connection under {@code connection} (a pooled connection
     * hands out its underlying one). A new connection drops the statements of connections closed meanwhile.
     */
    private PreparedStatement positionUpdate(Connection connection) throws SQLException {
        Connection underlying = connection.unwrap(Connection.class);
        PreparedStatement statement = positionUpdates.get(underlying);
        if (statement == null) {
            positionUpdates.entrySet().removeIf(entry -> isClosed(entry.getKey()));
            statement = underlying.prepareStatement(SET_LAST_SEQUENCE);
            positionUpdates.put(underlying, statement);
        }
        return statement;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void closePositionUpdates() {
        for (PreparedStatement statement : positionUpdates.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                LOG.debug("closing a prepared statement of the redo journal failed", e);
            }
        }
        positionUpdates.clear();
    }

    private void writeOutAndClear(Connection connection) throws SQLException {
        durability.writeOut(connection);
        try {
            file.clear();
        } catch (IOException e) {
            appending = false;
            LOG.warn("cannot empty the redo journal {} ({}); commits are written to the database file from now on",
                    file.path(), e.toString());
        }
    }

    /**
     * Replays the records of {@code contents} beyond {@code last}, one transaction each.
     *
     * @return the database's last journaled sequence afterwards
     */
    private static long replay(Path path, JournalFile.Contents contents, String databaseId, long last,
            Connection connection) throws SQLException {
        List<JournalFile.Entry> pending = contents.entries().stream().filter(e -> e.sequence() > last).toList();
        if (contents.droppedTail() > 0) {
            LOG.info("the redo journal {} ends in a record cut short ({} bytes): its unit of work was never"
                    + " acknowledged and is dropped", path, contents.droppedTail());
        }
        if (pending.isEmpty()) {
            return last;
        }
        if (!contents.databaseId().orElse("").equals(databaseId)) {
            throw unreplayable(path, "it belongs to another inventory database (it was written for database "
                    + contents.databaseId().orElse("?") + ", this one is " + databaseId + ")", null);
        }
        if (pending.get(0).sequence() != last + 1) {
            throw unreplayable(path, "the database holds the units of work up to sequence " + last
                    + " and the journal continues only from " + pending.get(0).sequence(), null);
        }
        long sequence = last;
        for (JournalFile.Entry entry : pending) {
            sequence = entry.sequence();
            List<RecordedStatement> statements = entry.statements();
            try {
                for (int i = 0; i < statements.size(); i++) {
                    RecordedStatement statement = statements.get(i);
                    long changed = statement.replay(connection);
                    if (statement.updateCount() >= 0 && changed != statement.updateCount()) {
                        throw unreplayable(path, "record " + sequence + ", statement " + (i + 1) + " of "
                                + statements.size() + " changed " + changed + " rows where it changed "
                                + statement.updateCount(), null);
                    }
                }
                setLastSequence(connection, sequence);
                connection.commit();
            } catch (SQLException e) {
                rollback(connection, e);
                throw unreplayable(path, "record " + sequence + " failed: " + SqlErrors.reason(e), e);
            } catch (RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        }
        LOG.info("replayed {} unit(s) of work from the redo journal {}", pending.size(), path);
        return sequence;
    }

    /** The id of the database the journal belongs to; given to the database on its first journal. */
    private static String databaseId(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT database_id FROM redo_journal_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return rs.getString(1).trim();
            }
        }
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO redo_journal_state (id, database_id, last_sequence) VALUES (1, ?, 0)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        connection.commit();
        return id;
    }

    private static long lastSequence(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT last_sequence FROM redo_journal_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setLastSequence(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SET_LAST_SEQUENCE)) {
            setLastSequence(update, sequence);
        }
    }

    /** Runs {@code update}, a statement of {@link #SET_LAST_SEQUENCE}, for {@code sequence}. */
    private static void setLastSequence(PreparedStatement update, long sequence) throws SQLException {
        update.setLong(1, sequence);
        if (update.executeUpdate() != 1) {
            throw new SQLException("the redo journal's state row is missing");
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static RedoJournalException unreplayable(Path path, String why, Throwable cause) {
        return new RedoJournalException(path, "the inventory's redo journal " + path + " cannot be replayed: " + why
                + ". The journal was left as it is; the inventory holds the units of work before that record", cause);
    }
}
