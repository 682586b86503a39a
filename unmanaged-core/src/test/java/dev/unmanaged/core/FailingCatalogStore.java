package dev.unmanaged.core;

import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.spi.ForwardingInventoryCatalog;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.tck.fake.ForwardingInventoryStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps a store so that the next catalog lookup of validation fails, as a store whose database drops
 * mid-validation would. The reference store injects faults into writes only; this covers the reads.
 */
final class FailingCatalogStore extends ForwardingInventoryStore {
    private final AtomicBoolean failNextLookup = new AtomicBoolean();

    FailingCatalogStore(InventoryStore delegate) {
        super(delegate);
    }

    void failNextCatalogLookup() {
        failNextLookup.set(true);
    }

    @Override
    public InventoryCatalog catalog() {
        return new ForwardingInventoryCatalog(super.catalog()) {
            private void maybeFail() {
                if (failNextLookup.compareAndSet(true, false)) {
                    throw new StoreFailureException("injected failure of a catalog lookup", null);
                }
            }

            @Override
            public Optional<Owner> owner(String id) {
                maybeFail();
                return super.owner(id);
            }

            @Override
            public Optional<ComputeOffering> offering(String id) {
                maybeFail();
                return super.offering(id);
            }

            @Override
            public Optional<Network> network(String id) {
                maybeFail();
                return super.network(id);
            }

            @Override
            public Optional<StoragePool> pool(String id) {
                maybeFail();
                return super.pool(id);
            }

            @Override
            public Optional<DiskOffering> diskOffering(String id) {
                maybeFail();
                return super.diskOffering(id);
            }

            @Override
            public Optional<Template> template(String id) {
                maybeFail();
                return super.template(id);
            }
        };
    }
}
