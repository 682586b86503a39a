package dev.unmanaged.tck.fake;

import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.spi.ForwardingInventoryCatalog;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@link InventoryStore} that forwards every method, {@link #isManaged} and {@link #close} included, to a
 * delegate store, for decorators that break or inject something into a store: a subclass overrides only the
 * methods it changes. A unit of work runs in the delegate's unit and sees the writes {@link #writes} returns
 * (the delegate's own, unless overridden); wrap them in a {@link ForwardingWrites} to change single writes, and
 * wrap the catalog in a {@link ForwardingInventoryCatalog} to change single lookups. It adds no state and no
 * locking of its own, so it is as thread-safe as its delegate; a subclass that keeps state guards it itself.
 */
public abstract class ForwardingInventoryStore implements InventoryStore {
    private final InventoryStore delegate;

    /** A store that forwards to {@code delegate}, which must not be null. */
    protected ForwardingInventoryStore(InventoryStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store this one forwards to. */
    public final InventoryStore delegate() {
        return delegate;
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
    public boolean isManaged(UUID uuid) {
        return delegate.isManaged(uuid);
    }

    @Override
    public InventoryCatalog catalog() {
        return delegate.catalog();
    }

    /** Runs {@code work} in the delegate's unit of work, against {@link #writes} of the delegate's writes. */
    @Override
    public <T> T inUnitOfWork(UnitOfWork<T> work) {
        return delegate.inUnitOfWork(delegateWrites -> work.run(writes(delegateWrites)));
    }

    /**
     * The writes a unit of work sees, given the delegate's writes for the same unit; this returns them unchanged.
     * Override to break or inject into writes, typically with a {@link ForwardingWrites} around {@code
     * delegateWrites}.
     */
    protected Writes writes(Writes delegateWrites) {
        return delegateWrites;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
