package dev.unmanaged.inventory.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.api.text.SecretRedaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link InventoryStore} over a relational database through plain JDBC: an embedded H2 file database (the
 * default, created on first use) or PostgreSQL (for several processes sharing one inventory).
 *
 * <p>Opening a store migrates its schema to the current version. Uniqueness — one row per instance UUID, one
 * MAC and one IP per network — is enforced by the database's constraints, so it holds across every process
 * that shares the database. A commit is written to the database, or on an embedded H2 file to the store's redo
 * journal beside it ({@code NAME.redo}), before the call that made it returns (see docs/inventory-jdbc.md), so an
 * acknowledged outcome survives a crash of the process. A unit of work is one
 * transaction (read committed); a refused write becomes
 * {@link dev.unmanaged.api.error.AlreadyManagedException} or {@link dev.unmanaged.api.error.AddressInUseException},
 * any other database failure a {@link StoreFailureException}.
 *
 * <pre>{@code
 * try (JdbcInventoryStore store = JdbcInventoryStore.openH2(Path.of("/var/lib/unmanaged"))) {
 *     store.seedIfEmpty(CatalogLoader.load(Path.of("catalog.json")));  // dev.unmanaged.json.CatalogLoader
 *     ...
 * }
 * }</pre>
 */
public final class JdbcInventoryStore implements InventoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcInventoryStore.class);
    private static final String H2_FILE_NAME = "inventory";
    private static final int POOL_SIZE = 8;
    /**
     * H2 waits this long for a row another transaction holds (its own default is one second). Units of work are
     * short, and H2 finds no deadlocks: a wait this long means one, which the waiting write then resolves.
     */
    private static final int H2_LOCK_TIMEOUT_MILLIS = 5_000;
    private static final String HISTORY_TABLE = "unmanaged_schema_history";

    /** Set while this thread runs a writing transaction of this store; a nested one would wait on itself. */
    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final DataSource dataSource;
    /** The pool this store opened and closes; null when the caller's data source is used. */
    private final HikariDataSource ownPool;
    private final String description;
    private final JdbcCatalog catalog;
    private final CommitDurability durability;
    /** The redo journal commits are acknowledged through; null where the database makes them durable. */
    private final RedoJournal journal;

    private JdbcInventoryStore(DataSource dataSource, HikariDataSource ownPool, String description,
            CommitDurability durability, RedoJournal journal) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.description = description;
        this.durability = durability;
        this.journal = journal;
        this.catalog = new JdbcCatalog(this);
    }

    /**
     * Opens (and on first use creates) the embedded H2 database in {@code directory}, which is created when
     * missing. Only one process may open it at a time.
     *
     * @throws StoreFailureException when the directory or the database cannot be opened
     */
    public static JdbcInventoryStore openH2(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (java.io.IOException e) {
            throw new StoreFailureException("cannot create the inventory directory " + absolute + ": " + e, e);
        }
        return open("jdbc:h2:file:" + absolute.resolve(H2_FILE_NAME), null, null);
    }

    /**
     * Opens the database at {@code jdbcUrl}, credentials (if any) in the URL, e.g.
     * {@code jdbc:postgresql://db:5432/unmanaged?user=unmanaged&password=...} or {@code jdbc:h2:file:/path/inventory}.
     *
     * @throws StoreFailureException when the database cannot be reached or its schema cannot be migrated
     */
    public static JdbcInventoryStore open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    /**
     * Opens the database at {@code jdbcUrl} as {@code user} with {@code password} (either may be null). An embedded
     * H2 file database gets a redo journal beside its file ({@code NAME.redo}); what an earlier process left in it
     * is replayed first (see docs/inventory-jdbc.md).
     *
     * @throws RedoJournalException when the journal cannot be used or replayed (both files are left as they are)
     * @throws StoreFailureException when the database cannot be reached or its schema cannot be migrated
     */
    public static JdbcInventoryStore open(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String shown = SecretRedaction.redact(jdbcUrl);
        // Read before the database opens: a journal that cannot be used leaves the database untouched.
        Optional<Path> journalFile = RedoJournal.fileFor(jdbcUrl);
        Optional<JournalFile.Contents> journalContents = journalFile.flatMap(JournalFile::read);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(CommitDurability.withPageSize(jdbcUrl));
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("unmanaged-inventory");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            config.setConnectionInitSql("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MILLIS);
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreFailureException("cannot open the inventory database at " + shown + ": "
                    + rootMessage(e), e);
        }
        CommitDurability durability;
        RedoJournal journal = null;
        try {
            migrate(dataSource, shown);
            durability = CommitDurability.ensure(dataSource, jdbcUrl, shown);
            if (journalFile.isPresent() && durability.writesInGroups() && RedoJournal.allowedFor(jdbcUrl)) {
                journal = RedoJournal.open(journalFile.get(), journalContents, dataSource, durability);
            } else if (journalContents.filter(contents -> !contents.entries().isEmpty()).isPresent()) {
                throw new RedoJournalException(journalFile.get(), "the inventory's redo journal " + journalFile.get()
                        + " holds"
                        + " commits that are not in the database yet, and the database at " + shown + " is opened"
                        + " without the journal (its URL sets WRITE_DELAY or AUTO_SERVER): open it once without"
                        + " those settings", null);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new JdbcInventoryStore(dataSource, dataSource, shown, durability, journal);
    }

    /**
     * A store over the caller's {@code dataSource}, e.g. the orchestrator's own pool; {@link #close()} leaves it
     * open. Each transaction runs with auto-commit off and read committed, and the connection's own settings are
     * restored before it goes back. Migrating the schema on open takes two connections at once. H2's lock timeout
     * is the caller's to set (the store's own pools use 5 s).
     *
     * @param description how the database is named in errors and logs; must not contain a password
     * @throws StoreFailureException when the schema cannot be migrated
     */
    public static JdbcInventoryStore open(DataSource dataSource, String description) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(description, "description");
        migrate(dataSource, description);
        return new JdbcInventoryStore(dataSource, null, description,
                CommitDurability.ensure(dataSource, null, description), null);
    }

    private static void migrate(DataSource dataSource, String shown) {
        try {
            var result = Flyway.configure(JdbcInventoryStore.class.getClassLoader())
                    .dataSource(dataSource)
                    // Through SLF4J like the rest of the library; left to detect, Flyway may pick java.util.logging.
                    .loggers("slf4j")
                    .resourceProvider(new SchemaMigrations())
                    .table(HISTORY_TABLE)
                    // A schema that already holds other tables (the orchestrator's) gets our tables beside them.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info("inventory schema at {} is at version {} ({} migration(s) applied)", shown,
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new StoreFailureException("cannot migrate the inventory schema at " + shown + ": "
                    + rootMessage(e), e);
        }
    }

    @Override
    public Optional<ManagedInstance> find(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return read("reading instance " + uuid, c -> InstanceRows.find(c, uuid, false));
    }

    @Override
    public List<ManagedInstance> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return read("reading instances named " + name, c -> InstanceRows.findByName(c, name));
    }

    @Override
    public List<ManagedInstance> list() {
        return read("listing managed instances", InstanceRows::list);
    }

    @Override
    public boolean isManaged(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return read("reading instance " + uuid, c -> InstanceRows.exists(c, uuid));
    }

    @Override
    public InventoryCatalog catalog() {
        return catalog;
    }

    /**
     * Inserts or updates every entry of {@code seed} (matched by id) in one transaction, replacing each entry's
     * owner list; entries {@code seed} does not name are kept. Safe when several processes seed at once.
     */
    public void upsertCatalog(Catalog seed) {
        Objects.requireNonNull(seed, "seed");
        ColumnWidths.check(seed);
        writeTransaction("writing the catalog", c -> {
            CatalogRows.upsert(c, seed);
            return null;
        });
    }

    /**
     * Writes {@code seed} when the catalog is still empty, e.g. on first use of a fresh database.
     *
     * @return true when the catalog was empty and has been seeded
     */
    public boolean seedIfEmpty(Catalog seed) {
        Objects.requireNonNull(seed, "seed");
        ColumnWidths.check(seed);
        return writeTransaction("seeding the catalog", c -> {
            if (!CatalogRows.isEmpty(c)) {
                return false;
            }
            CatalogRows.upsert(c, seed);
            return true;
        });
    }

    @Override
    public <T> T inUnitOfWork(UnitOfWork<T> work) {
        Objects.requireNonNull(work, "work");
        return writeTransaction("a unit of work", c -> {
            JdbcWrites writes = new JdbcWrites(c);
            try {
                return work.run(writes);
            } finally {
                writes.close();
            }
        }, true);
    }

    /**
     * Closes the connection pool this store opened (an embedded H2 database closes with its last connection);
     * a data source given by the caller stays open.
     */
    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
        if (ownPool != null) {
            ownPool.close();
        }
        durability.close();
    }

    @Override
    public String toString() {
        return "JdbcInventoryStore[" + description + "]";
    }

    /** Runs a read in a short transaction of its own. */
    <T> T read(String what, SqlWork<T> work) {
        return transaction(what, work, false, false);
    }

    /** Runs {@code work} in one transaction, refusing to nest it in another writing transaction of this thread. */
    private <T> T writeTransaction(String what, SqlWork<T> work) {
        return writeTransaction(what, work, false);
    }

    /**
     * Runs {@code work} in one writing transaction; with {@code recorded}, on a connection that records its writes
     * for the redo journal (see {@link RecordingConnection}).
     */
    private <T> T writeTransaction(String what, SqlWork<T> work, boolean recorded) {
        if (writing.get()) {
            throw new IllegalStateException("units of work cannot be nested: the outer unit would no longer be atomic,"
                    + " and the inner one could wait for rows the outer one holds");
        }
        writing.set(Boolean.TRUE);
        try {
            return transaction(what, work, true, recorded && journal != null);
        } finally {
            writing.remove();
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Typed errors
     * pass through unchanged; database failures become {@link StoreFailureException}s. A writing transaction
     * returns once its commit is durable (see {@link CommitDurability}).
     */
    private <T> T transaction(String what, SqlWork<T> work, boolean writes, boolean recorded) {
        try (Connection connection = connection(what)) {
            ConnectionSettings settings = ConnectionSettings.forTransaction(connection);
            // A journaled unit is counted in by the journal itself, when it turns out to need the group commit.
            boolean pending = writes && !recorded;
            if (pending) {
                durability.started();
            }
            try {
                UnitRecording recording = recorded ? new UnitRecording() : null;
                T result = work.run(recording == null ? connection
                        : RecordingConnection.wrap(connection, recording, journal::commits));
                if (!writes) {
                    connection.commit();
                } else if (journal != null) {
                    pending = false;
                    journal.commit(connection, recording);
                } else {
                    pending = false;
                    durability.commitAndAwait(connection);
                }
                return result;
            } catch (SQLException e) {
                rollback(connection, e);
                throw SqlErrors.failure(what, e);
            } catch (RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                if (pending) {
                    durability.abandoned();
                }
                settings.restore(connection);
            }
        } catch (SQLException e) {
            // Only preparing, restoring or closing the connection is left to fail here.
            throw SqlErrors.failure(what, e);
        }
    }

    private Connection connection(String what) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreFailureException(what + " failed: no connection to the inventory database at "
                    + description + ": " + SqlErrors.reason(e), e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Why opening failed: the reason of the database's error in words of the store's own (its message can hold
     * SQL and driver internals; it stays in the cause), else the innermost message.
     */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        SQLException database = e instanceof SQLException sql ? sql : null;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (database == null && root instanceof SQLException sql) {
                database = sql;
            }
        }
        if (database != null) {
            return SqlErrors.reason(database);
        }
        return SecretRedaction.messageOf(root);
    }
}
