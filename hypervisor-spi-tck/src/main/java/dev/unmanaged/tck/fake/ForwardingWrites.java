package dev.unmanaged.tck.fake;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.spi.InventoryStore;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link InventoryStore.Writes} of a unit of work that forward every write and read to the writes of a
 * delegate unit, for decorators that break or inject something into single writes: a subclass overrides only the
 * methods it changes. See {@link ForwardingInventoryStore#writes}.
 */
public abstract class ForwardingWrites implements InventoryStore.Writes {
    private final InventoryStore.Writes delegate;

    /** Writes that forward to {@code delegate}, which must not be null. */
    protected ForwardingWrites(InventoryStore.Writes delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void insertInstance(ManagedInstance instance) {
        delegate.insertInstance(instance);
    }

    @Override
    public void reserveMac(String networkId, String mac, UUID owner) {
        delegate.reserveMac(networkId, mac, owner);
    }

    @Override
    public void reserveIp(String networkId, String address, UUID owner) {
        delegate.reserveIp(networkId, address, owner);
    }

    @Override
    public String reserveFreeIp(String networkId, UUID owner) {
        return delegate.reserveFreeIp(networkId, owner);
    }

    @Override
    public Optional<ManagedInstance> removeInstance(UUID uuid) {
        return delegate.removeInstance(uuid);
    }

    @Override
    public Optional<ManagedInstance> find(UUID uuid) {
        return delegate.find(uuid);
    }
}
