package dev.unmanaged.tck;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.tck.fake.InMemoryInventoryStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory reference store passes the store contract")
class InMemoryStoreConformanceTest extends InventoryStoreContract {
    @Override
    protected InventoryStore createStore(Catalog seed) {
        return new InMemoryInventoryStore(seed);
    }
}
