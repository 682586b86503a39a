package dev.unmanaged.inventory.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The JDBC store on an embedded H2 file database")
class H2StoreTest extends JdbcStoreBehaviour {
    @TempDir
    Path dir;
    private Path current;

    @Override
    protected JdbcInventoryStore openFreshStore() {
        current = dir.resolve("db-" + UUID.randomUUID());
        return JdbcInventoryStore.openH2(current);
    }

    @Override
    protected JdbcInventoryStore openSecondStore() {
        return JdbcInventoryStore.openH2(current);
    }

    @Test
    @DisplayName("creates its directory and database on first use and finds the data again after a reopen")
    void survivesReopen() {
        Path fresh = dir.resolve("nested/inventory");
        UUID uuid = UUID.randomUUID();
        try (JdbcInventoryStore first = JdbcInventoryStore.openH2(fresh)) {
            first.upsertCatalog(TestData.catalog());
            first.inUnitOfWork(w -> {
                w.insertInstance(TestData.instance(uuid, "kept", TestData.mac(9), null));
                return null;
            });
        }
        assertThat(fresh.resolve("inventory.mv.db")).exists();
        try (JdbcInventoryStore again = JdbcInventoryStore.openH2(fresh)) {
            assertThat(again.find(uuid)).map(m -> m.name()).contains("kept");
            assertThat(again.catalog().network(TestData.NET_A)).isPresent();
        }
    }
}
