package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash of the process would leave, seen in-process: a copy of the database file taken right after a write
 * returns holds exactly what H2 has handed to the operating system by then, which is what survives a kill -9.
 */
@DisplayName("An embedded H2 store acknowledges a write only once it is in the database file")
class CommitDurabilityTest {
    @TempDir
    Path dir;
    private final AtomicInteger copies = new AtomicInteger();

    @Test
    @DisplayName("a write is in the file when it returns, though H2's own writer would write it half a second later")
    void writeIsInTheFileWhenItReturns() throws IOException {
        Path database = dir.resolve("durable");
        UUID uuid = UUID.randomUUID();
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(database)) {
            store.upsertCatalog(TestData.catalog());
            insert(store, uuid, 1);
            assertThat(copyHolds(database, uuid)).isTrue();
        }
    }

    @Test
    @DisplayName("the same copy misses the write when the URL keeps a long write delay of H2's own (the check bites)")
    void copyMissesWhatH2HasNotWritten() throws IOException {
        Path database = dir.resolve("delayed");
        UUID uuid = UUID.randomUUID();
        Files.createDirectories(database);
        try (JdbcInventoryStore store = JdbcInventoryStore.open("jdbc:h2:file:" + database.resolve("inventory")
                + ";WRITE_DELAY=60000")) {
            store.upsertCatalog(TestData.catalog());
            insert(store, uuid, 1);
            assertThat(copyHolds(database, uuid)).isFalse();
        }
    }

    @Test
    @DisplayName("writes committed by eight threads at once are each in the file when they return")
    void concurrentWritesAreEachInTheFile() throws Exception {
        Path database = dir.resolve("concurrent");
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(database)) {
            store.upsertCatalog(TestData.catalog());
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> checks = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    int n = 100 + i;
                    checks.add(threads.submit(() -> {
                        UUID uuid = UUID.randomUUID();
                        insert(store, uuid, n);
                        return copyHolds(database, uuid);
                    }));
                }
                for (Future<Boolean> check : checks) {
                    assertThat(check.get()).isTrue();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    @DisplayName("the write of a thread interrupted before it commits is still in the file when it returns")
    void interruptedWriteIsStillWritten() throws IOException {
        Path database = dir.resolve("interrupted");
        UUID uuid = UUID.randomUUID();
        try (JdbcInventoryStore store = JdbcInventoryStore.openH2(database)) {
            store.upsertCatalog(TestData.catalog());
            Thread.currentThread().interrupt();
            try {
                insert(store, uuid, 2);
            } finally {
                Thread.interrupted();
            }
            assertThat(copyHolds(database, uuid)).isTrue();
        }
    }

    @Test
    @DisplayName("a database an earlier version left at WRITE_DELAY 0 gets H2's default back: the group commit writes")
    void writeDelayZeroIsReplaced() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("old").resolve("inventory"));
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        }
        try (JdbcInventoryStore store = JdbcInventoryStore.open(h2, "old inventory");
             Connection connection = h2.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(store).isNotNull();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("500");
        }
    }

    @Test
    @DisplayName("an embedded H2 file gets 1 KiB pages unless its URL sets a page size; other URLs are left alone")
    void pageSize() {
        assertThat(CommitDurability.withPageSize("jdbc:h2:file:/srv/inventory"))
                .isEqualTo("jdbc:h2:file:/srv/inventory;PAGE_SIZE=1024");
        assertThat(CommitDurability.withPageSize("jdbc:h2:/srv/inventory;LOCK_TIMEOUT=1000"))
                .isEqualTo("jdbc:h2:/srv/inventory;LOCK_TIMEOUT=1000;PAGE_SIZE=1024");
        assertThat(CommitDurability.withPageSize("jdbc:h2:file:/srv/inventory;page_size=4096"))
                .isEqualTo("jdbc:h2:file:/srv/inventory;page_size=4096");
        assertThat(CommitDurability.withPageSize("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(CommitDurability.withPageSize("jdbc:h2:tcp://db/inventory")).isEqualTo("jdbc:h2:tcp://db/inventory");
        assertThat(CommitDurability.withPageSize("jdbc:postgresql://db/unmanaged"))
                .isEqualTo("jdbc:postgresql://db/unmanaged");
    }

    private static void insert(JdbcInventoryStore store, UUID uuid, int n) {
        store.inUnitOfWork(w -> {
            w.insertInstance(TestData.instance(uuid, "durable-" + n, TestData.mac(n), null));
            return null;
        });
    }

    /**
     * Whether a copy of the database file and of its redo journal, taken now (the database first: the journal only
     * grows meanwhile), holds the instance once opened: what a crash at this moment keeps.
     */
    private boolean copyHolds(Path database, UUID uuid) throws IOException {
        Path copy = dir.resolve("copy-" + copies.incrementAndGet());
        Files.createDirectories(copy);
        Files.copy(database.resolve("inventory.mv.db"), copy.resolve("inventory.mv.db"));
        if (Files.exists(database.resolve("inventory.redo"))) {
            Files.copy(database.resolve("inventory.redo"), copy.resolve("inventory.redo"));
        }
        try (JdbcInventoryStore reopened = JdbcInventoryStore.openH2(copy)) {
            return reopened.find(uuid).isPresent();
        }
    }
}
