package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.tck.InventoryStoreContract;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The JDBC store on H2 keeps the inventory store contract")
class H2StoreConformanceTest extends InventoryStoreContract {
    @TempDir
    Path dir;

    @Override
    protected InventoryStore createStore(Catalog seed) {
        JdbcInventoryStore store = JdbcInventoryStore.openH2(dir.resolve("db-" + UUID.randomUUID()));
        store.upsertCatalog(seed);
        return store;
    }
}
