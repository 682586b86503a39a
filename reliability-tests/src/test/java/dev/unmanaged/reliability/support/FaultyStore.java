package dev.unmanaged.reliability.support;

import dev.unmanaged.api.error.StoreFailureException;
import dev.unmanaged.api.inventory.Catalog;
import dev.unmanaged.api.inventory.ComputeOffering;
import dev.unmanaged.api.inventory.DiskOffering;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.inventory.Network;
import dev.unmanaged.api.inventory.Owner;
import dev.unmanaged.api.inventory.StoragePool;
import dev.unmanaged.api.inventory.Template;
import dev.unmanaged.api.spi.ForwardingInventoryCatalog;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.spi.InventoryStore;
import dev.unmanaged.tck.fake.ForwardingInventoryStore;
import dev.unmanaged.tck.fake.ForwardingWrites;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link InventoryStore} decorator that fails at a chosen step, for any store behind the SPI (the in-memory
 * fake, the JDBC store). A failure inside a unit of work is thrown from the unit's own writes, so the store
 * behind rolls the unit back exactly as it would for a real failure; {@link Step#AFTER_COMMIT} lets the unit
 * commit and then reports a failure, as a connection that drops before the answer arrives does. Where the store
 * behind has a real commit that can be failed ({@link #failCommitsWith}), {@link Step#COMMIT} fails that commit
 * instead of throwing from the end of the unit.
 */
public final class FaultyStore extends ForwardingInventoryStore {
    /** Where a failure can be injected. */
    public enum Step {
        /** Reads outside units: find, findByName, list, isManaged. */
        READ,
        /** Catalog lookups, which import validation makes. */
        CATALOG_READ,
        /** {@link Writes#reserveMac}. */
        RESERVE_MAC,
        /** {@link Writes#reserveIp}. */
        RESERVE_IP,
        /** {@link Writes#reserveFreeIp}. */
        RESERVE_FREE_IP,
        /** {@link Writes#insertInstance}. */
        INSERT_INSTANCE,
        /** {@link Writes#removeInstance}. */
        REMOVE_INSTANCE,
        /** The end of a unit whose work succeeded, before the store commits it. */
        COMMIT,
        /** After the store committed the unit: the change is made, but the caller hears of a failure. */
        AFTER_COMMIT
    }

    private final InventoryCatalog catalog;
    private final Map<Step, Boolean> armed = new EnumMap<>(Step.class);
    private final Map<Step, AtomicLong> reached = new EnumMap<>(Step.class);
    private final AtomicLong injected = new AtomicLong();
    private volatile Runnable beforeNextUnit;
    private volatile Runnable failRealCommit;

    public FaultyStore(InventoryStore delegate) {
        super(delegate);
        this.catalog = new FaultyCatalog(delegate.catalog());
        for (Step step : Step.values()) {
            reached.put(step, new AtomicLong());
        }
    }

    /** The next time {@code step} is reached, it fails. */
    public synchronized void failOnce(Step step) {
        armed.put(step, Boolean.TRUE);
    }

    /** Removes every armed failure. */
    public synchronized void clearFaults() {
        armed.clear();
    }

    /** True when a failure is armed and has not fired yet. */
    public synchronized boolean armed(Step step) {
        return armed.containsKey(step);
    }

    /** Runs {@code action} when the next unit of work starts, i.e. between an import's plan and its commit. */
    public void beforeNextUnit(Runnable action) {
        this.beforeNextUnit = action;
    }

    /**
     * From now on {@link Step#COMMIT} runs {@code failNextRealCommit} at the end of the unit's work, so that the
     * store's own commit of the unit, which comes next, fails.
     */
    public void failCommitsWith(Runnable failNextRealCommit) {
        this.failRealCommit = failNextRealCommit;
    }

    /** How many failures fired. */
    public long injected() {
        return injected.get();
    }

    private void trip(Step step) {
        if (fires(step)) {
            throw new StoreFailureException("injected failure at " + step, null);
        }
    }

    /** Counts {@code step} as reached; true when a failure was armed there (it is then used up). */
    private boolean fires(Step step) {
        reached.get(step).incrementAndGet();
        synchronized (this) {
            if (armed.remove(step) == null) {
                return false;
            }
        }
        injected.incrementAndGet();
        return true;
    }

    @Override
    public Optional<ManagedInstance> find(UUID uuid) {
        trip(Step.READ);
        return super.find(uuid);
    }

    @Override
    public List<ManagedInstance> findByName(String name) {
        trip(Step.READ);
        return super.findByName(name);
    }

    @Override
    public List<ManagedInstance> list() {
        trip(Step.READ);
        return super.list();
    }

    @Override
    public boolean isManaged(UUID uuid) {
        trip(Step.READ);
        return super.isManaged(uuid);
    }

    @Override
    public InventoryCatalog catalog() {
        return catalog;
    }

    @Override
    public <T> T inUnitOfWork(UnitOfWork<T> work) {
        Runnable action = beforeNextUnit;
        if (action != null) {
            beforeNextUnit = null;
            action.run();
        }
        T result = super.inUnitOfWork(writes -> {
            T done = work.run(writes);
            Runnable realCommit = failRealCommit;
            if (realCommit == null) {
                trip(Step.COMMIT);
            } else if (fires(Step.COMMIT)) {
                realCommit.run();
            }
            return done;
        });
        trip(Step.AFTER_COMMIT);
        return result;
    }

    /** The unit's writes, failing at their armed step. */
    @Override
    protected Writes writes(Writes delegateWrites) {
        return new FaultyWrites(delegateWrites);
    }

    private final class FaultyWrites extends ForwardingWrites {
        FaultyWrites(Writes writes) {
            super(writes);
        }

        @Override
        public void insertInstance(ManagedInstance instance) {
            trip(Step.INSERT_INSTANCE);
            super.insertInstance(instance);
        }

        @Override
        public void reserveMac(String networkId, String mac, UUID owner) {
            trip(Step.RESERVE_MAC);
            super.reserveMac(networkId, mac, owner);
        }

        @Override
        public void reserveIp(String networkId, String address, UUID owner) {
            trip(Step.RESERVE_IP);
            super.reserveIp(networkId, address, owner);
        }

        @Override
        public String reserveFreeIp(String networkId, UUID owner) {
            trip(Step.RESERVE_FREE_IP);
            return super.reserveFreeIp(networkId, owner);
        }

        @Override
        public Optional<ManagedInstance> removeInstance(UUID uuid) {
            trip(Step.REMOVE_INSTANCE);
            return super.removeInstance(uuid);
        }
    }

    private final class FaultyCatalog extends ForwardingInventoryCatalog {
        FaultyCatalog(InventoryCatalog catalog) {
            super(catalog);
        }

        @Override
        public Optional<Owner> owner(String id) {
            trip(Step.CATALOG_READ);
            return super.owner(id);
        }

        @Override
        public Optional<ComputeOffering> offering(String id) {
            trip(Step.CATALOG_READ);
            return super.offering(id);
        }

        @Override
        public Optional<Network> network(String id) {
            trip(Step.CATALOG_READ);
            return super.network(id);
        }

        @Override
        public Optional<StoragePool> pool(String id) {
            trip(Step.CATALOG_READ);
            return super.pool(id);
        }

        @Override
        public Optional<DiskOffering> diskOffering(String id) {
            trip(Step.CATALOG_READ);
            return super.diskOffering(id);
        }

        @Override
        public Optional<Template> template(String id) {
            trip(Step.CATALOG_READ);
            return super.template(id);
        }

        @Override
        public boolean isIpInUse(String networkId, String address) {
            trip(Step.CATALOG_READ);
            return super.isIpInUse(networkId, address);
        }

        @Override
        public boolean isMacInUse(String networkId, String mac) {
            trip(Step.CATALOG_READ);
            return super.isMacInUse(networkId, mac);
        }

        @Override
        public Optional<String> firstFreeIp(String networkId) {
            trip(Step.CATALOG_READ);
            return super.firstFreeIp(networkId);
        }

        @Override
        public Catalog snapshot() {
            trip(Step.CATALOG_READ);
            return super.snapshot();
        }
    }
}
