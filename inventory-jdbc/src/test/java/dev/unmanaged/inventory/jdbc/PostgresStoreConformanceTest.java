package dev.unmanaged.inventory.jdbc;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.tck.InventoryStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The JDBC store on PostgreSQL keeps the inventory store contract")
class PostgresStoreConformanceTest extends InventoryStoreContract {
    /** Skips (or, in CI, fails) the whole class up front when PostgreSQL is not to be used or not there. */
    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.serverUrl();
    }

    private final List<PostgresTestDatabase> databases = new ArrayList<>();

    @Override
    protected InventoryStore createStore(Catalog seed) {
        PostgresTestDatabase database = PostgresTestDatabase.create();
        databases.add(database);
        JdbcInventoryStore store = JdbcInventoryStore.open(database.url());
        store.upsertCatalog(seed);
        return store;
    }

    @AfterEach
    void dropSchemas() {
        databases.forEach(PostgresTestDatabase::close);
        databases.clear();
    }
}
