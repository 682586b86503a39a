package dev.unmanaged.samples.embedding;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.tck.InventoryStoreContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The sample's map-backed store keeps the inventory store contract")
class MapInventoryStoreConformanceTest extends InventoryStoreContract {
    @Override
    protected InventoryStore createStore(Catalog seed) {
        return new MapInventoryStore(seed);
    }
}
