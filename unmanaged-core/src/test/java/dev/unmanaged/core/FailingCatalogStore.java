package dev.unmanaged.core;

import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps a store so that the next catalog lookup of validation fails, as a store whose database drops
 * mid-validation would. The reference store injects faults into writes only; this covers the reads.
 */
final class FailingCatalogStore implements InventoryStore {
    private final InventoryStore delegate;
    private final AtomicBoolean failNextLookup = new AtomicBoolean();

    FailingCatalogStore(InventoryStore delegate) {
        this.delegate = delegate;
    }

    void failNextCatalogLookup() {
        failNextLookup.set(true);
    }

    @Override
    public Optional<ManagedInstance> find(UUID uuid) {
        return delegate.find(uuid);
    }

    @Override
    public List<ManagedInstance> findByName(String name) {
        return delegate.findByName(name);
    }

    @Override
    public List<ManagedInstance> list() {
        return delegate.list();
    }

    @Override
    public <T> T inUnitOfWork(UnitOfWork<T> work) {
        return delegate.inUnitOfWork(work);
    }

    @Override
    public InventoryCatalog catalog() {
        InventoryCatalog catalog = delegate.catalog();
        return new InventoryCatalog() {
            private void maybeFail() {
                if (failNextLookup.compareAndSet(true, false)) {
                    throw new StoreFailureException("injected failure of a catalog lookup", null);
                }
            }

            @Override
            public Optional<Owner> owner(String id) {
                maybeFail();
                return catalog.owner(id);
            }

            @Override
            public Optional<ComputeOffering> offering(String id) {
                maybeFail();
                return catalog.offering(id);
            }

            @Override
            public Optional<Network> network(String id) {
                maybeFail();
                return catalog.network(id);
            }

            @Override
            public Optional<StoragePool> pool(String id) {
                maybeFail();
                return catalog.pool(id);
            }

            @Override
            public Optional<DiskOffering> diskOffering(String id) {
                maybeFail();
                return catalog.diskOffering(id);
            }

            @Override
            public Optional<Template> template(String id) {
                maybeFail();
                return catalog.template(id);
            }

            @Override
            public boolean isIpInUse(String networkId, String address) {
                return catalog.isIpInUse(networkId, address);
            }

            @Override
            public boolean isMacInUse(String networkId, String mac) {
                return catalog.isMacInUse(networkId, mac);
            }

            @Override
            public Optional<String> firstFreeIp(String networkId) {
                return catalog.firstFreeIp(networkId);
            }

            @Override
            public Catalog snapshot() {
                return catalog.snapshot();
            }
        };
    }
}
