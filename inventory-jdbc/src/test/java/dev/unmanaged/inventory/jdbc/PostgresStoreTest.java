package dev.unmanaged.inventory.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The JDBC store on PostgreSQL")
class PostgresStoreTest extends JdbcStoreBehaviour {
    /** Skips (or, in CI, fails) the whole class up front when PostgreSQL is not to be used or not there. */
    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.serverUrl();
    }

    private final List<PostgresTestDatabase> databases = new ArrayList<>();

    @Override
    protected JdbcInventoryStore openFreshStore() {
        PostgresTestDatabase database = PostgresTestDatabase.create();
        databases.add(database);
        return JdbcInventoryStore.open(database.url());
    }

    @Override
    protected JdbcInventoryStore openSecondStore() {
        return JdbcInventoryStore.open(databases.get(0).url());
    }

    @AfterEach
    void dropSchemas() {
        if (store != null) {
            store.close();
            store = null;
        }
        databases.forEach(PostgresTestDatabase::close);
        databases.clear();
    }
}
