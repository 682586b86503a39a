package dev.unmanaged.api.spi;

import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link InventoryCatalog} that forwards every lookup to a delegate catalog, for decorators of a store's
 * catalog (one that remembers entries, breaks or injects something): a subclass overrides only the lookups it
 * changes.
 */
public abstract class ForwardingInventoryCatalog implements InventoryCatalog {
    private final InventoryCatalog delegate;

    /** A catalog that forwards to {@code delegate}, which must not be null. */
    protected ForwardingInventoryCatalog(InventoryCatalog delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<Owner> owner(String id) {
        return delegate.owner(id);
    }

    @Override
    public Optional<ComputeOffering> offering(String id) {
        return delegate.offering(id);
    }

    @Override
    public Optional<Network> network(String id) {
        return delegate.network(id);
    }

    @Override
    public Optional<StoragePool> pool(String id) {
        return delegate.pool(id);
    }

    @Override
    public Optional<DiskOffering> diskOffering(String id) {
        return delegate.diskOffering(id);
    }

    @Override
    public Optional<Template> template(String id) {
        return delegate.template(id);
    }

    @Override
    public boolean isIpInUse(String networkId, String address) {
        return delegate.isIpInUse(networkId, address);
    }

    @Override
    public boolean isMacInUse(String networkId, String mac) {
        return delegate.isMacInUse(networkId, mac);
    }

    @Override
    public Optional<String> firstFreeIp(String networkId) {
        return delegate.firstFreeIp(networkId);
    }

    @Override
    public Catalog snapshot() {
        return delegate.snapshot();
    }
}
