package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.StoreFailureException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The redo journal of an embedded H2 store, seen through what a crash leaves: copies of the database file and of
 * its journal taken the moment a write returns, opened by a fresh store.
 */
@DisplayName("An embedded H2 store's redo journal")
class RedoJournalTest {
    private static final List<String> TABLES = List.of("managed_instances", "managed_nics", "managed_disks",
            "mac_reservations", "ip_reservations", "ip_free_addresses", "ip_unfilled_blocks", "ip_allocation_ranges",
            "redo_journal_state");

    @TempDir
    Path dir;
    private int copies;

    @Test
    @DisplayName("a unit of work is acknowledged by appending one record to a journal beside the database, private"
            + " to the user, which closing the store deletes")
    void unitAppendsOneRecord() throws IOException {
        Path database = dir.resolve("db");
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(database)) {
            store.upsertCatalog(TestData.catalog());
            Path journal = database.resolve("inventory.redo");
            long before = Files.size(journal);
            insert(store, UUID.randomUUID(), 1);
            assertThat(Files.size(journal)).isGreaterThan(before);
            assertThat(JournalFile.read(journal).orElseThrow().entries()).hasSize(1);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
        }
        assertThat(database.resolve("inventory.redo")).doesNotExist();
    }

    @Test
    @DisplayName("a catalog write, which the journal does not hold, is in the database file itself when it returns")
    void catalogWriteIsInTheDatabaseFile() throws IOException {
        Path database = dir.resolve("catalog");
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(database)) {
            store.upsertCatalog(TestData.catalog());
            Path copy = crashCopy(database);
            Files.delete(copy.resolve("inventory.redo"));
            try (JdbcInventoryStore reopened = JdbcInventoryStore.openH2(copy)) {
                assertThat(reopened.catalog().network(TestData.NET_A)).isPresent();
            }
        }
    }

    @Test
    @DisplayName("a record cut short by the crash is dropped (never acknowledged); the records before it replay")
    void tornTailIsDropped() throws IOException, SQLException {
        Path database = dir.resolve("torn");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(database)) {
            store.upsertCatalog(TestData.catalog());
            insert(store, first, 1);
            insert(store, second, 2);
            Path copy = crashCopy(database);
            Path journal = copy.resolve("inventory.redo");
            try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
                file.setLength(file.length() - 3);
            }
            boolean secondKept;
            try (JdbcInventoryStore reopened = JdbcInventoryStore.openH2(copy)) {
                assertThat(reopened.find(first)).isPresent();
                secondKept = reopened.find(second).isPresent();
            }
            // Kept only where H2's background writer had written it to the database file by the copy.
            assertThat(secondKept).isEqualTo(lastSequence(copy) >= 2);
        }
    }

    @Test
    @DisplayName("a record that does not replay as it ran is a typed error naming the journal and the record, and"
            + " the journal is left as it is")
    void unreplayableRecordIsRefused() throws Exception {
        Path database = closedInventory("unreplayable");
        long last = lastSequence(database);
        Path journal = database.resolve("inventory.redo");
        writeJournal(journal, databaseId(database), new JournalFile.Entry(last + 1, List.of(new RecordedStatement(
                "DELETE FROM mac_reservations WHERE network_id = ? AND mac = ?", List.of(TestData.NET_A,
                TestData.mac(9)), 1))));
        byte[] written = Files.readAllBytes(journal);
        assertThatThrownBy(() -> JdbcInventoryStore.openH2(database))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageContaining(journal.toString())
                .hasMessageContaining("record " + (last + 1))
                .hasMessageContaining("changed 0 rows where it changed 1");
        assertThat(Files.readAllBytes(journal)).isEqualTo(written);

        writeJournal(journal, databaseId(database), new JournalFile.Entry(last + 1, List.of(new RecordedStatement(
                "INSERT INTO mac_reservations (network_id, mac, instance_uuid) VALUES (?, ?, ?)",
                List.of("no-such-network", TestData.mac(9), UUID.randomUUID().toString()), 1))));
        assertThatThrownBy(() -> JdbcInventoryStore.openH2(database))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageContaining(journal.toString())
                .hasMessageContaining("record " + (last + 1) + " failed");
    }

    @Test
    @DisplayName("a journal that is not one, or belongs to another database, is refused with the file named, and the"
            + " database file is not touched")
    void foreignJournalIsRefused() throws Exception {
        Path database = closedInventory("foreign");
        Path journal = database.resolve("inventory.redo");
        Path data = database.resolve("inventory.mv.db");
        Files.writeString(journal, "these are not the records you are looking for\n");
        byte[] before = Files.readAllBytes(data);
        assertThatThrownBy(() -> JdbcInventoryStore.openH2(database))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageContaining(journal + " cannot be used: it is not a redo journal of the inventory");
        assertThat(Files.readAllBytes(data)).isEqualTo(before);

        long last = lastSequence(database);
        writeJournal(journal, UUID.randomUUID().toString(), new JournalFile.Entry(last + 1, List.of()));
        assertThatThrownBy(() -> JdbcInventoryStore.openH2(database))
                .isInstanceOf(StoreFailureException.class)
                .hasMessageContaining(journal.toString())
                .hasMessageContaining("belongs to another inventory database");
    }

    @Test
    @DisplayName("a write undone by a rollback to its savepoint is not recorded; a whole rollback drops everything")
    void savepointRollbacksAreNotRecorded() throws SQLException {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:savepoints");
             Statement ddl = h2.createStatement()) {
            ddl.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v VARCHAR(10))");
            h2.setAutoCommit(false);
            UnitRecording recording = new UnitRecording();
            Connection c = RecordingConnection.wrap(h2, recording, () -> 0);
            insertRow(c, 1);
            Savepoint outer = c.setSavepoint();
            insertRow(c, 2);
            Savepoint inner = c.setSavepoint();
            insertRow(c, 3);
            c.rollback(inner);
            insertRow(c, 4);
            c.releaseSavepoint(outer);
            assertThat(recording.statements()).extracting(s -> s.parameters().get(0)).containsExactly(1, 2, 4);
            Savepoint late = c.setSavepoint();
            insertRow(c, 5);
            c.rollback(late);
            assertThat(recording.statements()).hasSize(3);
            assertThat(recording.journalable()).isTrue();
            c.rollback();
            assertThat(recording.isEmpty()).isTrue();
        }
    }

    @Test
    @DisplayName("a parameter the journal cannot hold keeps the unit out of it")
    void unknownParameterMakesTheUnitUnjournalable() throws SQLException {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:unknown");
             Statement ddl = h2.createStatement()) {
            ddl.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v VARBINARY(10))");
            UnitRecording recording = new UnitRecording();
            Connection c = RecordingConnection.wrap(h2, recording, () -> 0);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (k, v) VALUES (?, ?)")) {
                ps.setInt(1, 1);
                ps.setBytes(2, new byte[] {1});
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThat(recording.journalable()).isFalse();
        }
    }

    @Test
    @DisplayName("automatic addresses, with a stale free row undone inside a unit, replay to the same addresses")
    void automaticAddressesReplayToTheSameRows() throws IOException, SQLException {
        Path database = dir.resolve("automatic");
        Path copy;
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(database)) {
            store.upsertCatalog(TestData.catalog());
            String first = importWithFreeIp(store, 1);
            // A fixed reservation of the next free address leaves its free row stale: the next unit takes the row,
            // meets the reservation, rolls back to its savepoint and drops the row.
            store.inUnitOfWork(w -> {
                w.reserveIp(TestData.NET_A, "10.0.0.11", UUID.randomUUID());
                return null;
            });
            String third = importWithFreeIp(store, 3);
            assertThat(first).isEqualTo("10.0.0.10");
            assertThat(third).isEqualTo("10.0.0.12");
            copy = crashCopy(database);
        }
        Map<String, List<String>> original = rows(database);
        try (JdbcInventoryStore reopened = JdbcInventoryStore.openH2(copy)) {
            assertThat(reopened.list()).hasSize(2);
        }
        assertThat(rows(copy)).isEqualTo(original);
    }

    @Test
    @DisplayName("eight threads importing with automatic addresses and removing instances: the crash copy replays"
            + " to exactly the rows the store holds")
    void concurrentUnitsReplayToTheSameRows() throws Exception {
        Path database = dir.resolve("concurrent");
        Path copy;
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(database)) {
            store.upsertCatalog(TestData.catalog());
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    int n = 1000 + i;
                    done.add(threads.submit(() -> {
                        UUID uuid = UUID.nameUUIDFromBytes(("instance-" + n).getBytes());
                        String ip = importWithFreeIp(store, uuid, n);
                        if (n % 3 == 0) {
                            store.inUnitOfWork(w -> w.removeInstance(uuid));
                        }
                        return ip;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                threads.shutdownNow();
            }
            copy = crashCopy(database);
            assertThat(JournalFile.read(copy.resolve("inventory.redo")).orElseThrow().entries()).isNotEmpty();
        }
        Map<String, List<String>> original = rows(database);
        try (JdbcInventoryStore reopened = JdbcInventoryStore.openH2(copy)) {
            assertThat(reopened.list()).hasSize(32);
        }
        assertThat(rows(copy)).isEqualTo(original);
    }

    @Test
    @DisplayName("past its size limit the journal is emptied once the database file holds everything: a crash copy"
            + " then still holds every unit")
    void fullJournalIsEmptiedAfterTheDatabaseIsWritten() throws Exception {
        Path directory = dir.resolve("limit");
        Files.createDirectories(directory);
        String url = "jdbc:h2:file:" + directory.resolve("inventory");
        Path path = RedoJournal.fileFor(url).orElseThrow();
        try (JdbcInventoryStore store = JdbcInventoryStore.open(url)) {
            store.upsertCatalog(TestData.catalog()); // the schema and catalog; closing deletes the journal
        }
        com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setAutoCommit(false);
        CommitDurability durability = CommitDurability.ensure(dataSource, url, "limit");
        RedoJournal journal = RedoJournal.open(path, Optional.empty(), dataSource, durability, 2048);
        try {
            List<Long> lengths = new ArrayList<>();
            for (int n = 1; n <= 6; n++) {
                try (Connection connection = dataSource.getConnection()) {
                    UnitRecording recording = new UnitRecording();
                    durability.started();
                    InstanceRows.insert(RecordingConnection.wrap(connection, recording, journal::commits),
                            TestData.instance(UUID.randomUUID(), "limited-" + n, TestData.mac(n), null));
                    journal.commit(connection, recording);
                }
                lengths.add(Files.size(path));
            }
            assertThat(lengths).as("journal lengths after each unit").anySatisfy(
                    length -> assertThat(length).isLessThan(lengths.get(0)));
            Path copy = dir.resolve("limit-copy");
            Files.createDirectories(copy);
            Files.copy(directory.resolve("inventory.mv.db"), copy.resolve("inventory.mv.db"));
            Files.copy(path, copy.resolve("inventory.redo"));
            try (JdbcInventoryStore reopened = JdbcInventoryStore.openH2(copy)) {
                assertThat(reopened.list()).hasSize(6);
            }
        } finally {
            journal.close();
            durability.close();
            dataSource.close();
        }
    }

    @Test
    @DisplayName("the journal lies beside an embedded H2 file database; other databases and H2's automatic server"
            + " get none")
    void journalFileForUrls() {
        assertThat(RedoJournal.fileFor("jdbc:h2:file:/srv/unmanaged/inventory;DB_CLOSE_ON_EXIT=FALSE"))
                .contains(Path.of("/srv/unmanaged/inventory.redo"));
        assertThat(RedoJournal.fileFor("jdbc:h2:/srv/inv")).contains(Path.of("/srv/inv.redo"));
        assertThat(RedoJournal.fileFor("jdbc:h2:mem:test")).isEmpty();
        assertThat(RedoJournal.fileFor("jdbc:h2:tcp://db/inventory")).isEmpty();
        assertThat(RedoJournal.fileFor("jdbc:postgresql://db/unmanaged")).isEmpty();
        assertThat(RedoJournal.allowedFor("jdbc:h2:file:/srv/inventory;AUTO_SERVER=TRUE")).isFalse();
        assertThat(RedoJournal.allowedFor("jdbc:h2:file:/srv/inventory")).isTrue();
    }

    private static void insert(JdbcInventoryStore store, UUID uuid, int n) {
        store.inUnitOfWork(w -> {
            w.insertInstance(TestData.instance(uuid, "journaled-" + n, TestData.mac(n), null));
            return null;
        });
    }

    private static String importWithFreeIp(JdbcInventoryStore store, int n) {
        return importWithFreeIp(store, UUID.randomUUID(), n);
    }

    /** An import as the workflow does it: the MAC, a free IP, then the instance with both. */
    private static String importWithFreeIp(JdbcInventoryStore store, UUID uuid, int n) {
        return store.inUnitOfWork(w -> {
            w.reserveMac(TestData.NET_A, TestData.mac(n), uuid);
            String ip = w.reserveFreeIp(TestData.NET_A, uuid);
            w.insertInstance(TestData.instance(uuid, "auto-" + n, TestData.mac(n), ip));
            return ip;
        });
    }

    private static void insertRow(Connection c, int key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (k, v) VALUES (?, ?)")) {
            ps.setInt(1, key);
            ps.setNull(2, Types.VARCHAR);
            ps.executeUpdate();
        }
    }

    /** A copy of the database file and then of its journal, as a crash at this moment leaves them. */
    private Path crashCopy(Path database) throws IOException {
        Path copy = dir.resolve("copy-" + ++copies);
        Files.createDirectories(copy);
        Files.copy(database.resolve("inventory.mv.db"), copy.resolve("inventory.mv.db"));
        Files.copy(database.resolve("inventory.redo"), copy.resolve("inventory.redo"));
        return copy;
    }

    /** An inventory with its catalog, closed (so without a journal). */
    private Path closedInventory(String name) {
        Path database = dir.resolve(name);
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(database)) {
            store.upsertCatalog(TestData.catalog());
        }
        return database;
    }

    private static void writeJournal(Path journal, String databaseId, JournalFile.Entry entry) throws IOException {
        try (JournalFile file = JournalFile.create(journal, databaseId)) {
            file.append(entry);
        }
    }

    private static long lastSequence(Path database) throws SQLException {
        return Long.parseLong(single(database, "SELECT last_sequence FROM redo_journal_state"));
    }

    private static String databaseId(Path database) throws SQLException {
        return single(database, "SELECT database_id FROM redo_journal_state").trim();
    }

    private static String single(Path database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database.resolve("inventory"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** Every row of the inventory's tables, each table's rows sorted: what two databases must agree on. */
    private static Map<String, List<String>> rows(Path database) throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database.resolve("inventory"));
             Statement s = c.createStatement()) {
            for (String table : TABLES) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            line.append(rs.getString(i)).append('|');
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                rows.put(table, lines);
            }
        }
        return rows;
    }
}
